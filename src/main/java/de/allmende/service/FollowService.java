package de.allmende.service;

import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.store.EventStore;
import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;

import java.net.URI;

/** A local actor follows remote actors and stops following them. */
public final class FollowService {
    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final FollowStore follows = new FollowStore();
    private final EventStore events = new EventStore();

    public FollowService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
    }

    /** Follows a remote actor; the follow is pending until it accepts. Returns the Follow's IRI. */
    public URI follow(LocalActor a, URI target) {
        RemoteActor remote = directory.actor(target);
        URI id = iris.newActivity();
        db.dsl().transaction(cfg -> {
            follows.upsert(cfg.dsl(), iris.actor(a.handle()).toString(), remote.iri().toString(), id.toString(), FollowStore.State.PENDING);
            events.record(cfg.dsl(), new FollowRequested(iris.actor(a.handle()), remote.iri()));
            publisher.follow(cfg.dsl(), a, id, remote);
        });
        return id;
    }

    /** Stops following (404 if not following). */
    public void unfollow(LocalActor a, URI target) {
        RemoteActor remote = directory.actor(target);
        String actor = iris.actor(a.handle()).toString();
        db.dsl().transaction(cfg -> {
            var existing = follows.find(cfg.dsl(), actor, remote.iri().toString())
                    .orElseThrow(() -> ApiException.notFound("not following " + remote.iri()));
            follows.delete(cfg.dsl(), actor, remote.iri().toString());
            events.record(cfg.dsl(), new Unfollowed(URI.create(actor), remote.iri()));
            publisher.undoFollow(cfg.dsl(), a, URI.create(existing.activityIri()), remote);
        });
    }
}
