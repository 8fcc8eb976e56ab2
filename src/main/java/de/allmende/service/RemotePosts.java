package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RawJson;
import de.allmende.domain.coordinator.Provenance.Via;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.post.PollFacts;
import de.allmende.domain.post.Post;
import de.allmende.store.AccountStore;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.PollStore;
import de.allmende.store.PostStore;
import de.allmende.store.ProvenanceStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Posts written elsewhere and received here (Create, Update, Delete from a peer, or the object of a boost). The
 * protocol adapter has verified the activity and converted its object; this use case keeps the activity and the
 * object as they came, saves the typed post (if the object is one) and records what happened, all in one transaction.
 */
public final class RemotePosts {

    /**
     * The object an activity carries: as it came, with the result of its proof check, and as a typed post — empty if
     * it is no post, or not by the actor it is attributed to here (the only one a signature or proof vouches for).
     */
    public record ReceivedObject(URI id, String type, Optional<URI> inReplyTo, RawJson json, ObjectProof proof, Optional<Post> post,
                                 Optional<PollFacts> poll) {
        /** An object without a poll. */
        public ReceivedObject(URI id, String type, Optional<URI> inReplyTo, RawJson json, ObjectProof proof, Optional<Post> post) {
            this(id, type, inReplyTo, json, proof, post, Optional.empty());
        }
    }

    private final Database db;
    private final Predicate<URI> isLocalAccount;
    private final BackfilledPage pages;
    private final ReceivedActivities activities = new ReceivedActivities();
    private final AccountStore accounts = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final ObjectStore objects = new ObjectStore();
    private final PostStore posts = new PostStore();
    private final EventStore events = new EventStore();
    private final PollStore polls = new PollStore();
    private final ProvenanceStore provenance = new ProvenanceStore();

    /**
     * @param isLocalAccount whether an IRI names an account of this node (mentions of it are recorded, for notifications)
     * @param base           this node's base IRI (history addressed to one of its actors goes to the topic groups)
     */
    public RemotePosts(Database db, Predicate<URI> isLocalAccount, URI base) {
        this.db = db;
        this.isLocalAccount = isLocalAccount;
        this.pages = new BackfilledPage(this, isLocalAccount, base, java.time.Clock.systemUTC());
    }

    /** A new object by the activity's actor. Receiving it again changes nothing. */
    public void created(ReceivedActivity create, ReceivedObject object) {
        created(create, object, Via.DELIVERY);
    }

    /**
     * The items of a page read from their actor's outbox by a coordinator's backfill, in the transaction {@code tx} that
     * moves the backfill's cursor: kept as if they had been delivered (one model for both), their provenance saying they
     * came by backfill (see {@link BackfilledPage}).
     */
    public void backfilled(DSLContext tx, java.util.List<BackfilledPage.Item> page) {
        pages.keep(tx, page);
    }

    private void created(ReceivedActivity create, ReceivedObject object, Via via) {
        db.dsl().transaction(cfg -> created(cfg.dsl(), create, object, via));
    }

    private void created(DSLContext tx, ReceivedActivity create, ReceivedObject object, Via via) {
        activities.keep(tx, create);
        keepNew(tx, create.actor(), object);
        provenance.record(tx, object.id(), create.actor(), object.proof(), via);
    }

    /**
     * Whether an edit or a delete of an object not held here is by an author a coordinator of this node aggregates:
     * its backfill may not have reached the object yet, and must then not keep the older version it lists.
     */
    private boolean overtakesBackfill(DSLContext tx, String object, URI author) {
        return objects.find(tx, object).isEmpty() && provenance.aggregates(tx, author);
    }

    /** A new version of an object we hold by its author; an edit of an unknown object, or of someone else's, is ignored. */
    public void edited(ReceivedActivity update, ReceivedObject object) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String id = object.id().toString();
            if (!heldAsTheirs(tx, id, update.actor())) {
                if (overtakesBackfill(tx, id, update.actor()) && object.post().isPresent()) created(tx, update, object, Via.DELIVERY);
                return;
            }
            activities.keep(tx, update);
            objects.updateRemote(tx, id, object.json(), object.proof());
            provenance.record(tx, object.id(), update.actor(), object.proof(), Via.DELIVERY);
            if (object.post().isEmpty()) return;
            save(tx, object, update.actor()); // the typed row replaced, its id kept; a poll's counts with it
            events.record(tx, new PostEdited(update.actor(), object.post().get().iri(), object.type()));
        });
    }

    /**
     * A Delete read from its actor's outbox by a backfill: an object we hold is deleted as by a delivered Delete; one
     * we do not hold yet is kept as {@code tombstone}, so that its Create, listed further back, does not bring it back.
     * In the transaction {@code tx} (the backfill keeps a page's items in one).
     */
    public void backfilledDeletion(DSLContext tx, ReceivedActivity delete, RawJson tombstone) {
        if (objects.find(tx, delete.object().toString()).isPresent()) {
            deleted(tx, delete, tombstone);
            return;
        }
        keepTombstone(tx, delete, tombstone);
    }

    /**
     * A delivered Delete of an object not held here: by an author a coordinator aggregates, the object is kept as
     * {@code tombstone}, so that the backfill under way does not bring it back; by anyone else, or of an activity
     * (a boost), it is ignored.
     */
    public void deletedBeforeKept(ReceivedActivity delete, RawJson tombstone) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String object = delete.object().toString();
            if (overtakesBackfill(tx, object, delete.actor()) && !activities.holds(tx, object)) keepTombstone(tx, delete, tombstone);
        });
    }

    private void keepTombstone(DSLContext tx, ReceivedActivity delete, RawJson tombstone) {
        activities.keep(tx, delete);
        objects.insertRemote(tx, delete.object().toString(), "Tombstone", delete.actor().toString(), null, tombstone, ObjectProof.absent());
        objects.markDeleted(tx, delete.object().toString(), tombstone);
    }

    /**
     * Whether this node holds the object a Delete names, so that it is a post to delete (see {@link #deleted}) and not,
     * say, an Announce.
     */
    public boolean holds(URI object) {
        return objects.find(db.dsl(), object.toString()).isPresent();
    }

    /**
     * Its author deleted an object we hold: the object becomes {@code tombstone}, its post is marked deleted (its id
     * stays, for threads that answered it). A Delete of an unknown object, or of someone else's, is ignored.
     */
    public void deleted(ReceivedActivity delete, RawJson tombstone) {
        db.dsl().transaction(cfg -> deleted(cfg.dsl(), delete, tombstone));
    }

    private void deleted(DSLContext tx, ReceivedActivity delete, RawJson tombstone) {
        String id = delete.object().toString();
        if (!heldAsTheirs(tx, id, delete.actor())) return;
        activities.keep(tx, delete);
        objects.markDeleted(tx, id, tombstone);
        if (posts.markDeleted(tx, delete.object(), Instant.now())) events.record(tx, new PostDeleted(delete.actor(), delete.object()));
    }

    /**
     * Whether the object of a boost by {@code booster} is one to keep: not held yet, and someone here follows the
     * booster (boosts by actors nobody here follows are only counted, as Mastodon does).
     */
    public boolean wantsBoosted(URI booster, URI object) {
        DSLContext dsl = db.dsl();
        // Every follow row with a remote followee has a local follower.
        boolean followedHere = accounts.remote(dsl, booster).filter(a -> follows.countFollowers(dsl, a.id()) > 0).isPresent();
        return followedHere && objects.find(dsl, object.toString()).isEmpty();
    }

    /**
     * Keeps the object of a boost by {@code author}, which reached us through a third node (the adapter checked that
     * it is attributable to its author, and resolved the author for its typed post). Keeping it again changes nothing.
     */
    public void boosted(URI author, ReceivedObject object) {
        db.dsl().transaction(cfg -> keepNew(cfg.dsl(), author, object));
    }

    private void keepNew(DSLContext tx, URI author, ReceivedObject object) {
        // Its author is gone (a Delete of the actor overtook this activity in the queue): nothing to keep, nothing
        // to retry — retrying would only fail again until the schedule gives up.
        Optional<Long> account = object.post().isPresent() ? posts.accountOfRemote(tx, author) : Optional.empty();
        if (object.post().isPresent() && account.isEmpty()) return;
        Optional<Long> objectRow = objects.insertNewRemote(tx, object.id().toString(), object.type(), author.toString(),
                object.inReplyTo().map(URI::toString).orElse(null), object.json(), object.proof());
        if (objectRow.isEmpty() || object.post().isEmpty()) return;
        Post post = object.post().get();
        save(tx, object, account.get(), objectRow);
        events.record(tx, new PostCreated(author, post.iri(), object.type()));
        for (URI mentioned : post.mentions()) {
            if (isLocalAccount.test(mentioned)) events.record(tx, new Mentioned(author, post.iri(), mentioned));
        }
    }

    private boolean heldAsTheirs(DSLContext tx, String object, URI actor) {
        return objects.find(tx, object).filter(o -> o.attributedTo().equals(actor.toString())).isPresent();
    }

    private void save(DSLContext tx, ReceivedObject object, URI author) {
        long account = posts.accountOfRemote(tx, author)
                .orElseThrow(() -> new IllegalStateException("author resolved but not stored: " + author));
        save(tx, object, account, objects.find(tx, object.post().orElseThrow().iri().toString()).map(ObjectStore.StoredObject::id));
    }

    private void save(DSLContext tx, ReceivedObject object, long account, Optional<Long> objectRow) {
        Post post = object.post().orElseThrow();
        long postId = posts.save(tx, post, account, objectRow);
        if (object.poll().isPresent()) polls.save(tx, postId, object.poll().get());
    }
}
