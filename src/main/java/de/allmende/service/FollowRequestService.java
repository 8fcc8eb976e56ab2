package de.allmende.service;

import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.Followed;
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

/** A municipality that approves followers manually decides their pending requests. */
public final class FollowRequestService {
    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final FollowStore follows = new FollowStore();
    private final EventStore events = new EventStore();

    public FollowRequestService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
    }

    /** The follower becomes a follower, and learns so (Accept). 404 without a pending request. */
    public void approve(LocalActor a, URI follower) {
        RemoteActor remote = directory.actor(follower);
        db.dsl().transaction(cfg -> {
            FollowStore.Follow request = pending(cfg.dsl(), a, follower);
            follows.accept(cfg.dsl(), request.id());
            events.record(cfg.dsl(), new Followed(follower, iris.actor(a.handle())));
            publisher.acceptFollow(cfg.dsl(), a, request.id(), URI.create(request.activityIri()), remote);
        });
    }

    /** The request is dropped, and the follower learns so (Reject). 404 without a pending request. */
    public void reject(LocalActor a, URI follower) {
        RemoteActor remote = directory.actor(follower);
        db.dsl().transaction(cfg -> {
            FollowStore.Follow request = pending(cfg.dsl(), a, follower);
            follows.delete(cfg.dsl(), request.follower(), request.followee());
            events.record(cfg.dsl(), new FollowRejected(follower, iris.actor(a.handle())));
            publisher.rejectFollow(cfg.dsl(), a, URI.create(request.activityIri()), remote);
        });
    }

    private FollowStore.Follow pending(org.jooq.DSLContext tx, LocalActor a, URI follower) {
        return follows.find(tx, follower.toString(), iris.actor(a.handle()).toString())
                .filter(f -> f.state() == FollowStore.State.PENDING)
                .orElseThrow(() -> ApiException.notFound("no pending follow request from " + follower));
    }
}
