package de.allmende.service;

import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.store.EventStore;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.store.ReactionStore;
import de.allmende.store.ReactionStore.Kind;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;

/** What liking and boosting share: at most one reaction of a kind per actor and object, and taking it back. */
final class Reactions {
    /** Publishes a new reaction with this activity id. */
    interface Send {
        void send(DSLContext tx, LocalActor actor, URI activity, URI object, RemoteActor author);
    }

    /** Publishes the withdrawal of the reaction published as {@code activity}. */
    interface Withdraw {
        void send(DSLContext tx, LocalActor actor, URI activity, RemoteActor author);
    }

    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final ReactionStore reactions = new ReactionStore();
    private final EventStore events = new EventStore();

    Reactions(Database db, LocalIris iris, ActorDirectory directory) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
    }

    /** Reacts to a remote object. Reacting again sends nothing and returns the first reaction's id. */
    URI react(LocalActor a, URI object, Kind kind, Send send) {
        RemoteActor author = directory.authorOf(object);
        String actor = iris.actor(a.handle()).toString();
        URI id = iris.newActivity();
        return db.dsl().transactionResult(cfg -> {
            if (!reactions.insert(cfg.dsl(), kind, actor, object.toString(), id.toString())) {
                return URI.create(reactions.activityOf(cfg.dsl(), kind, actor, object.toString()).orElseThrow());
            }
            URI by = URI.create(actor);
            events.record(cfg.dsl(), kind == Kind.LIKE ? new Liked(by, object) : new Boosted(by, object));
            send.send(cfg.dsl(), a, id, object, author);
            return id;
        });
    }

    /** Takes a reaction back (404 if there is none). */
    void takeBack(LocalActor a, URI object, Kind kind, Withdraw withdraw) {
        RemoteActor author = directory.authorOf(object);
        String actor = iris.actor(a.handle()).toString();
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String original = reactions.activityOf(tx, kind, actor, object.toString())
                    .orElseThrow(() -> ApiException.notFound("no " + kind.name().toLowerCase() + " of " + object));
            reactions.delete(tx, kind, actor, object.toString());
            URI by = URI.create(actor);
            events.record(tx, kind == Kind.LIKE ? new Unliked(by, object) : new Unboosted(by, object));
            withdraw.send(tx, a, URI.create(original), author);
        });
    }
}
