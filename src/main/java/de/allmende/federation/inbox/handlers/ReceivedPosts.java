package de.allmende.federation.inbox.handlers;

import de.allmende.domain.event.Mentioned;
import java.util.function.Predicate;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.domain.event.PostEvent.PostDeleted;
import de.allmende.domain.event.PostEvent.PostEdited;
import de.allmende.store.EventStore;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.post.AsToPost;
import de.allmende.federation.vocab.AsObject;
import de.allmende.store.ObjectStore;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A received object as a typed post (Create and Update): converted where it enters, saved in the same
 * transaction as its raw JSON. Objects that are no post (a Tombstone, a Person, an unknown type) are stored
 * raw only.
 */
final class ReceivedPosts {
    private final ActorResolver resolver;
    private final Predicate<URI> isLocalAccount;
    private final PostStore posts = new PostStore();
    private final ObjectStore objects = new ObjectStore();
    private final EventStore events = new EventStore();

    /** @param isLocalAccount whether an IRI names an account of this node (mentions of it are recorded) */
    ReceivedPosts(ActorResolver resolver, Predicate<URI> isLocalAccount) {
        this.resolver = resolver;
        this.isLocalAccount = isLocalAccount;
    }

    /** A post ready to save, whose account it goes under, and its ActivityStreams type (for the domain event). */
    record Converted(Post post, URI author, String type) {}

    /**
     * Converts before the transaction, as it may fetch: the author's document names its followers collection,
     * which decides followers-only visibility. The author must be the sending actor (the only one the signature
     * vouches for); an object attributed to someone else is kept raw only.
     *
     * @throws IOException if the author's document cannot be had now (the item is retried)
     */
    Optional<Converted> convert(AsObject object, URI actor, ObjectProof proof) throws IOException {
        URI author = object.attributedTo().orElse(actor);
        if (!author.equals(actor)) return Optional.empty();
        RemoteActor sender = resolver.resolve(actor);
        Origin origin = new Origin.Remote(actor.getRawAuthority(), proof.status() == ObjectProof.Status.VERIFIED);
        String type = object.type().orElse("Object");
        return AsToPost.convert(object.json(), sender.followers(), origin).map(p -> new Converted(p, author, type));
    }

    /** Inside the transaction that stored the raw object: the typed row, linked to it, and what happened. */
    void created(DSLContext tx, Converted converted) {
        save(tx, converted);
        events.record(tx, new PostCreated(converted.author(), converted.post().iri(), converted.type()));
        for (URI mentioned : converted.post().mentions()) {
            if (isLocalAccount.test(mentioned)) events.record(tx, new Mentioned(converted.author(), converted.post().iri(), mentioned));
        }
    }

    /** An edit: the typed row replaced (its id kept), and what happened. */
    void edited(DSLContext tx, Converted converted) {
        save(tx, converted);
        events.record(tx, new PostEdited(converted.author(), converted.post().iri(), converted.type()));
    }

    private void save(DSLContext tx, Converted converted) {
        long account = posts.accountOfRemote(tx, converted.author())
                .orElseThrow(() -> new IllegalStateException("author resolved but not stored: " + converted.author()));
        Optional<Long> objectRow = objects.find(tx, converted.post().iri().toString()).map(ObjectStore.StoredObject::id);
        posts.save(tx, converted.post(), account, objectRow);
    }

    /** The post of a deleted object, marked so (its id stays, for threads that answered it). */
    void deleted(DSLContext tx, URI author, URI iri) {
        if (posts.markDeleted(tx, iri, java.time.Instant.now())) events.record(tx, new PostDeleted(author, iri));
    }
}
