package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;

/** A local actor boosts (announces) remote posts: publicly, to the author and to its own followers. */
public final class BoostService {
    private final Reactions reactions;
    private final Publisher publisher;

    public BoostService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.reactions = new Reactions(db, iris, directory);
        this.publisher = publisher;
    }

    /** Boosts a remote object. Boosting again sends nothing and returns the first Announce's id. */
    public URI boost(LocalActor a, URI object) {
        return reactions.react(a, object, Kind.ANNOUNCE, publisher::announce);
    }

    /** Takes a boost back (404 if there is none). */
    public void undo(LocalActor a, URI object) {
        reactions.takeBack(a, object, Kind.ANNOUNCE, publisher::undoAnnounce);
    }
}
