package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RawJson;
import de.allmende.domain.event.Mentioned;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.domain.post.Post;
import de.allmende.store.ActivityStore;
import de.allmende.store.EventStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Posts written elsewhere and received here (Create, Update, Delete from a peer). The protocol adapter has verified
 * the activity and converted its object; this use case keeps the activity and the object as they came, saves the
 * typed post (if the object is one) and records what happened, all in one transaction.
 */
public final class RemotePosts {

    /** The activity that brought the change: it is kept whole (its id also makes a redelivery a no-op). */
    public record ReceivedActivity(URI id, String type, URI actor, boolean isPublic, RawJson json) {}

    /**
     * The object it carries: as it came, with the result of its proof check, and as a typed post — empty if it is no
     * post, or not by the sending actor (the only one the signature vouches for).
     */
    public record ReceivedObject(URI id, String type, Optional<URI> inReplyTo, RawJson json, ObjectProof proof, Optional<Post> post) {}

    private final Database db;
    private final Predicate<URI> isLocalAccount;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();
    private final PostStore posts = new PostStore();
    private final EventStore events = new EventStore();

    /** @param isLocalAccount whether an IRI names an account of this node (mentions of it are recorded, for notifications) */
    public RemotePosts(Database db, Predicate<URI> isLocalAccount) {
        this.db = db;
        this.isLocalAccount = isLocalAccount;
    }

    /** A new object by the activity's actor. Receiving it again changes nothing. */
    public void created(ReceivedActivity create, ReceivedObject object) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            keep(tx, create, object);
            boolean fresh = objects.insertRemote(tx, object.id().toString(), object.type(), create.actor().toString(),
                    object.inReplyTo().map(URI::toString).orElse(null), object.json(), object.proof());
            if (!fresh || object.post().isEmpty()) return;
            Post post = object.post().get();
            save(tx, post, create.actor());
            events.record(tx, new PostCreated(create.actor(), post.iri(), object.type()));
            for (URI mentioned : post.mentions()) {
                if (isLocalAccount.test(mentioned)) events.record(tx, new Mentioned(create.actor(), post.iri(), mentioned));
            }
        });
    }

    /** A new version of an object we hold by its author; an edit of an unknown object, or of someone else's, is ignored. */
    public void edited(ReceivedActivity update, ReceivedObject object) {
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            String id = object.id().toString();
            var stored = objects.find(tx, id);
            if (stored.isEmpty() || !stored.get().attributedTo().equals(update.actor().toString())) return;
            keep(tx, update, object);
            objects.updateRemote(tx, id, object.json(), object.proof());
            if (object.post().isEmpty()) return;
            save(tx, object.post().get(), update.actor()); // the typed row replaced, its id kept
            events.record(tx, new PostEdited(update.actor(), object.post().get().iri(), object.type()));
        });
    }

    /** Inside the transaction that made the object a Tombstone: its post is marked deleted (its id stays, for threads). */
    public void deleted(DSLContext tx, URI author, URI iri) {
        if (posts.markDeleted(tx, iri, Instant.now())) events.record(tx, new PostDeleted(author, iri));
    }

    private void keep(DSLContext tx, ReceivedActivity activity, ReceivedObject object) {
        activities.insert(tx, activity.id().toString(), activity.type(), activity.actor().toString(), object.id().toString(), null,
                activity.isPublic(), activity.json());
    }

    private void save(DSLContext tx, Post post, URI author) {
        long account = posts.accountOfRemote(tx, author)
                .orElseThrow(() -> new IllegalStateException("author resolved but not stored: " + author));
        Optional<Long> objectRow = objects.find(tx, post.iri().toString()).map(ObjectStore.StoredObject::id);
        posts.save(tx, post, account, objectRow);
    }
}
