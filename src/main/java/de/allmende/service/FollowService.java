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
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/**
 * A local actor follows remote actors and stops following them; the followed answer (Accept, Reject). A municipality
 * may follow another of this node too: nothing leaves the node, and one that approves followers itself decides.
 */
public final class FollowService {
    /** A followee's answer to one of our Follows, named by the Follow's id or by the follower of an embedded Follow. */
    public record Answer(URI answerer, Optional<URI> followActivity, Optional<URI> follower) {}

    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Publisher publisher;
    private final Accounts accounts;
    private final FollowStore follows = new FollowStore();
    private final EventStore events = new EventStore();

    public FollowService(Database db, LocalIris iris, ActorDirectory directory, Publisher publisher) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.publisher = publisher;
        this.accounts = new Accounts(iris);
    }

    /** Follows a remote actor; the follow is pending until it accepts. Returns the Follow's IRI. */
    public URI follow(LocalActor a, URI target) {
        RemoteActor remote = directory.actor(target);
        URI id = iris.newActivity();
        db.dsl().transaction(cfg -> {
            AccountRef follower = accounts.of(cfg.dsl(), a);
            follows.upsert(cfg.dsl(), follower, accounts.of(cfg.dsl(), remote), id.toString(), FollowStore.State.PENDING);
            events.record(cfg.dsl(), new FollowRequested(follower.iri(), remote.iri()));
            publisher.follow(cfg.dsl(), a, id, remote);
        });
        return id;
    }

    /** Follows a municipality of this node: accepted at once, or pending when it approves its followers itself. */
    public void follow(LocalActor a, LocalActor target) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef follower = accounts.of(tx, a);
            AccountRef followee = accounts.of(tx, target);
            if (follower.id() == followee.id()) throw ApiException.unprocessable("You cannot follow yourself");
            FollowStore.State state = target.manuallyApprovesFollowers() ? FollowStore.State.PENDING : FollowStore.State.ACCEPTED;
            follows.upsert(tx, follower, followee, iris.newActivity().toString(), state);
            events.record(tx, state == FollowStore.State.ACCEPTED ? new Followed(follower.iri(), followee.iri())
                    : new FollowRequested(follower.iri(), followee.iri()));
        });
    }

    /** Stops following, a remote actor (it gets the Undo) or a municipality of this node (404 if not following). */
    public void unfollow(LocalActor a, URI target) {
        Optional<RemoteActor> remote = iris.isLocal(target) ? Optional.empty() : Optional.of(directory.actor(target));
        db.dsl().transaction(cfg -> {
            AccountRef follower = accounts.of(cfg.dsl(), a);
            AccountRef followee = remote.map(r -> accounts.of(cfg.dsl(), r)).or(() -> accounts.find(cfg.dsl(), target))
                    .orElseThrow(() -> ApiException.notFound("not following " + target));
            var existing = follows.find(cfg.dsl(), follower.id(), followee.id())
                    .orElseThrow(() -> ApiException.notFound("not following " + target));
            follows.delete(cfg.dsl(), follower.id(), followee.id());
            events.record(cfg.dsl(), new Unfollowed(follower.iri(), followee.iri()));
            remote.ifPresent(r -> publisher.undoFollow(cfg.dsl(), a, URI.create(existing.activityIri()), r));
        });
    }

    /** The followee accepted one of our Follows: it stands. Answers to anything else are ignored. */
    public void accepted(Answer answer) {
        db.dsl().transaction(cfg -> answered(cfg.dsl(), answer).ifPresent(follow -> {
            follows.accept(cfg.dsl(), follow.id());
            events.record(cfg.dsl(), new Followed(follow.follower().iri(), answer.answerer()));
        }));
    }

    /** The followee rejected one of our Follows, pending or accepted before: it is gone. */
    public void rejected(Answer answer) {
        db.dsl().transaction(cfg -> answered(cfg.dsl(), answer).ifPresent(follow -> {
            follows.delete(cfg.dsl(), follow.follower().id(), follow.followee().id());
            events.record(cfg.dsl(), new FollowRejected(follow.follower().iri(), answer.answerer()));
        }));
    }

    /** Which follow an answer is about, matched as Mastodon does; only the followed account may answer it. */
    private Optional<Follow> answered(DSLContext tx, Answer answer) {
        Optional<AccountRef> answerer = accounts.find(tx, answer.answerer());
        if (answerer.isEmpty()) return Optional.empty();
        Optional<Follow> follow = answer.followActivity().flatMap(id -> follows.findByActivity(tx, id.toString()));
        if (follow.isEmpty()) {
            follow = answer.follower().flatMap(f -> accounts.find(tx, f))
                    .flatMap(f -> follows.find(tx, f.id(), answerer.get().id()));
        }
        return follow.filter(f -> f.followee().id() == answerer.get().id()); // not ours, or not theirs to answer
    }
}
