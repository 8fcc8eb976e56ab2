package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;

/** A local actor likes (favourites) remote posts; the Like goes to the post's author. */
public final class LikeService {
    private final Reactions reactions;
    private final Publisher publisher;

    public LikeService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.reactions = new Reactions(db, iris, directory);
        this.publisher = publisher;
    }

    /** Likes a remote object. Liking again sends nothing and returns the first Like's id. */
    public URI like(LocalActor a, URI object) {
        return reactions.react(a, object, Kind.LIKE, publisher::like);
    }

    /** Takes a like back (404 if there is none). */
    public void undo(LocalActor a, URI object) {
        reactions.takeBack(a, object, Kind.LIKE, publisher::undoLike);
    }
}
