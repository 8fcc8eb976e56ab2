package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.AccountRef;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.service.port.ActorDirectory;
import de.allmende.service.port.LocalIris;
import de.allmende.store.EventStore;
import de.allmende.store.PostStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.ReactionStore.Kind;
import de.allmende.store.ReactionStore.Reaction;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Optional;

/**
 * What liking and boosting share: at most one reaction of a kind per account and object, and taking it back —
 * by a local actor (published) or received from a remote one. {@link Made} and {@link Undone} add what one kind
 * does beyond the reaction (a boost is also a post).
 */
final class Reactions {
    /** Publishes a new reaction with this activity id; the author is empty for a post of this node. */
    interface Send {
        void send(DSLContext tx, LocalActor actor, URI activity, URI object, Optional<RemoteActor> author);
    }

    /** Publishes the withdrawal of the reaction published as {@code activity}. */
    interface Withdraw {
        void send(DSLContext tx, LocalActor actor, URI activity, Optional<RemoteActor> author);
    }

    /** What a new reaction to a post here does beside its row, in the same transaction (a boost is a post too). */
    interface Made {
        void made(DSLContext tx, AccountRef by, URI activity, long postId);

        Made NOTHING = (tx, by, activity, postId) -> {};
    }

    /** What taking a reaction back does beside removing its row, in the same transaction. */
    interface Undone {
        void undone(DSLContext tx, Reaction reaction);

        Undone NOTHING = (tx, reaction) -> {};
    }

    private final Database db;
    private final LocalIris iris;
    private final ActorDirectory directory;
    private final Kind kind;
    private final Undone undone;
    private final Accounts accounts;
    private final ReactionStore reactions = new ReactionStore();
    private final PostStore posts = new PostStore();
    private final EventStore events = new EventStore();
    private final ReceivedActivities received = new ReceivedActivities();

    Reactions(Database db, LocalIris iris, ActorDirectory directory, Kind kind, Undone undone) {
        this.db = db;
        this.iris = iris;
        this.directory = directory;
        this.kind = kind;
        this.undone = undone;
        this.accounts = new Accounts(iris);
    }

    /** Reacts to an object, remote or of this node. Reacting again sends nothing and returns the first reaction's id. */
    URI react(LocalActor a, URI object, Send send, Made made) {
        Optional<RemoteActor> author = authorOf(object);
        URI id = iris.newActivity();
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef by = accounts.of(tx, a);
            if (!record(tx, by, id, object, made)) return URI.create(reactions.activityOf(tx, kind, by.id(), object).orElseThrow());
            send.send(tx, a, id, object, author);
            return id;
        });
    }

    /** Takes a reaction back (404 if there is none). */
    void takeBack(LocalActor a, URI object, Withdraw withdraw) {
        takeBack(a, object, authorOf(object), withdraw);
    }

    /** Takes a reaction back, telling {@code author} (none: only the followers, as for an object its author deleted). */
    void takeBack(LocalActor a, URI object, Optional<RemoteActor> author, Withdraw withdraw) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AccountRef by = accounts.of(tx, a);
            Reaction removed = reactions.delete(tx, kind, by.id(), object)
                    .orElseThrow(() -> ApiException.notFound("no " + kind.name().toLowerCase() + " of " + object));
            takenBack(tx, removed);
            withdraw.send(tx, a, URI.create(removed.activityIri()), author);
        });
    }

    /**
     * A remote actor (resolved, so stored) reacted with {@code activity}; a repeated reaction changes nothing (the
     * activity is still recorded).
     */
    void received(URI activity, RemoteActor actor, URI object, ReceivedActivity record, Made made) {
        db.dsl().transaction(cfg -> {
            received.keep(cfg.dsl(), record);
            record(cfg.dsl(), accounts.of(cfg.dsl(), actor), activity, object, made);
        });
    }

    /**
     * A remote actor takes its reaction back (only its own): the one its activity made, else — Lemmy embeds the
     * reaction with a fresh id, Mastodon falls back so too — its reaction of this kind to {@code object}.
     */
    void withdrawn(URI actor, Optional<URI> activity, Optional<URI> object) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<AccountRef> by = accounts.find(tx, actor);
            if (by.isEmpty()) return;
            Optional<Reaction> removed = activity.flatMap(id -> reactions.deleteByActivity(tx, kind, id.toString(), by.get().id()));
            if (removed.isEmpty()) removed = object.flatMap(o -> reactions.delete(tx, kind, by.get().id(), o));
            removed.ifPresent(r -> takenBack(tx, r));
        });
    }

    /** The remote author to tell; none for an object of this node (its author is here and sees it). */
    private Optional<RemoteActor> authorOf(URI object) {
        return iris.isLocal(object) ? Optional.empty() : Optional.of(directory.authorOf(object));
    }

    private boolean record(DSLContext tx, AccountRef by, URI activity, URI object, Made made) {
        Optional<Long> post = posts.idOf(tx, object);
        if (!reactions.insert(tx, kind, by, object, post, activity.toString())) return false;
        events.record(tx, kind == Kind.LIKE ? new Liked(by.iri(), object) : new Boosted(by.iri(), object));
        post.ifPresent(id -> made.made(tx, by, activity, id));
        return true;
    }

    private void takenBack(DSLContext tx, Reaction r) {
        URI by = r.account().iri();
        events.record(tx, kind == Kind.LIKE ? new Unliked(by, r.object()) : new Unboosted(by, r.object()));
        undone.undone(tx, r);
    }
}
