package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.service.port.Publisher;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.store.FollowStore.Follow;
import de.allmende.store.FollowStore.State;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/**
 * Remote actors follow local municipalities: accepted at once, or kept pending for a municipality that approves
 * followers manually, which decides later; and they stop following.
 */
public final class FollowRequestService {
    /** A received Follow of a local municipality, by its id. */
    public record Request(URI activity, RemoteActor follower, LocalActor followee) {}

    /** A received Undo of a Follow: named by its id, or by the followee an embedded Follow names. */
    public record Withdrawal(URI follower, Optional<URI> followActivity, Optional<URI> followee) {}

    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final Accounts accounts;
    private final FollowStore follows = new FollowStore();
    private final EventStore events = new EventStore();
    private final ReceivedActivities received = new ReceivedActivities();
    private final de.allmende.store.AccountRelationStore relations = new de.allmende.store.AccountRelationStore();

    public FollowRequestService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
        this.accounts = new Accounts(iris);
    }

    /**
     * A remote actor asks to follow: accepted (Accept embeds the Follow, as Mastodon does) or pending; refused when
     * the municipality blocks the actor or hides its domain.
     */
    public void requested(Request r, ReceivedActivity record) {
        State state = r.followee().manuallyApprovesFollowers() ? State.PENDING : State.ACCEPTED;
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef follower = accounts.of(tx, r.follower());
            AccountRef followee = accounts.of(tx, r.followee());
            if (relations.blocks(tx, followee.id(), follower.id()) || relations.blocksDomainOf(tx, followee.id(), r.follower().host())) {
                refuse(tx, r, record);
                return;
            }
            received.keep(tx, record);
            follows.upsert(tx, follower, followee, r.activity().toString(), state);
            events.record(tx, state == State.ACCEPTED ? new Followed(follower.iri(), followee.iri())
                    : new FollowRequested(follower.iri(), followee.iri()));
            if (state == State.ACCEPTED) {
                long followId = follows.find(tx, follower.id(), followee.id()).orElseThrow().id();
                publisher.acceptFollow(tx, r.followee(), followId, r.activity(), r.follower());
            }
        });
    }

    /** A Follow by an actor this node blocks: no follow, and the follower learns so (Reject). */
    public void refused(Request r, ReceivedActivity record) {
        db.dsl().transaction(cfg -> refuse(cfg.dsl(), r, record));
    }

    private void refuse(DSLContext tx, Request r, ReceivedActivity record) {
        received.keep(tx, record);
        events.record(tx, new FollowRejected(r.follower().iri(), iris.actor(r.followee().handle())));
        publisher.rejectFollow(tx, r.followee(), r.activity(), r.follower());
    }

    /** The follower takes its Follow back (only its own). */
    public void withdrawn(Withdrawal w) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<AccountRef> follower = accounts.find(tx, w.follower());
            if (follower.isEmpty()) return;
            Optional<Follow> follow = w.followActivity().flatMap(id -> follows.findByActivity(tx, id.toString()));
            if (follow.isEmpty()) {
                follow = w.followee().flatMap(t -> accounts.find(tx, t)).flatMap(t -> follows.find(tx, follower.get().id(), t.id()));
            }
            follow.filter(f -> f.follower().id() == follower.get().id()).ifPresent(f -> {
                follows.delete(tx, f.follower().id(), f.followee().id());
                events.record(tx, new Unfollowed(f.follower().iri(), f.followee().iri()));
            });
        });
    }

    /** The follower becomes a follower, and learns so (Accept; a municipality of this node just sees it). 404 without a pending request. */
    public void approve(LocalActor a, URI follower) {
        Optional<RemoteActor> remote = remote(follower);
        db.dsl().transaction(cfg -> {
            Follow request = pending(cfg.dsl(), a, follower, remote);
            follows.accept(cfg.dsl(), request.id());
            events.record(cfg.dsl(), new Followed(follower, iris.actor(a.handle())));
            remote.ifPresent(r -> publisher.acceptFollow(cfg.dsl(), a, request.id(), URI.create(request.activityIri()), r));
        });
    }

    /** The request is dropped, and the follower learns so (Reject). 404 without a pending request. */
    public void reject(LocalActor a, URI follower) {
        Optional<RemoteActor> remote = remote(follower);
        db.dsl().transaction(cfg -> {
            Follow request = pending(cfg.dsl(), a, follower, remote);
            follows.delete(cfg.dsl(), request.follower().id(), request.followee().id());
            events.record(cfg.dsl(), new FollowRejected(follower, iris.actor(a.handle())));
            remote.ifPresent(r -> publisher.rejectFollow(cfg.dsl(), a, URI.create(request.activityIri()), r));
        });
    }

    private Optional<RemoteActor> remote(URI follower) {
        return iris.isLocal(follower) ? Optional.empty() : Optional.of(directory.actor(follower));
    }

    private Follow pending(DSLContext tx, LocalActor a, URI follower, Optional<RemoteActor> remote) {
        Optional<AccountRef> from = remote.isPresent() ? Optional.of(accounts.of(tx, remote.get())) : accounts.find(tx, follower);
        return from.flatMap(f -> follows.find(tx, f.id(), accounts.of(tx, a).id()))
                .filter(f -> f.state() == State.PENDING)
                .orElseThrow(() -> ApiException.notFound("no pending follow request from " + follower));
    }
}
