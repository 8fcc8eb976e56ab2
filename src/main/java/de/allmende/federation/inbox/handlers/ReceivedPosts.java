package de.allmende.federation.inbox.handlers;

import de.allmende.domain.ObjectProof;
import de.allmende.domain.RawJson;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.json.Json;
import de.allmende.federation.post.AsToPoll;
import de.allmende.federation.post.AsToPost;
import de.allmende.federation.vocab.AsObject;
import de.allmende.service.RemotePosts;
import de.allmende.service.RemotePosts.ReceivedObject;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The inbound side of {@link RemotePosts} (Create, Update, the object of an Announce): the object a received activity
 * carries, converted where it enters — also as a typed post — for the use case to keep.
 */
final class ReceivedPosts {
    private final ActorResolver resolver;
    private final RemotePosts posts;

    ReceivedPosts(ActorResolver resolver, RemotePosts posts) {
        this.resolver = resolver;
        this.posts = posts;
    }

    RemotePosts use() {
        return posts;
    }

    /**
     * Converts before the transaction, as it may fetch: the author's document names its followers collection,
     * which decides followers-only visibility. The author must be the sending actor (the only one the signature
     * vouches for); an object attributed to someone else is kept raw only, as are objects that are no post (a
     * Tombstone, a Person, an unknown type).
     *
     * @throws IOException if the author's document cannot be had now (the item is retried)
     */
    ReceivedObject convert(AsObject object, URI actor, ObjectProof proof) throws IOException {
        return convert(object, actor, proof, () -> resolver.resolve(actor));
    }

    /** The sending actor's document, resolved when first needed (a backfill's page has one author for all its items). */
    @FunctionalInterface
    interface Sender {
        RemoteActor get() throws IOException;
    }

    /** {@link #convert(AsObject, URI, ObjectProof)} with the sender's document from {@code sender}. */
    ReceivedObject convert(AsObject object, URI actor, ObjectProof proof, Sender sender) throws IOException {
        return converted(object, proof, typedPost(object, actor, proof, sender));
    }

    /** The object kept as it came only, with no typed post (its author's document could not be had). */
    ReceivedObject rawOnly(AsObject object, ObjectProof proof) {
        return converted(object, proof, Optional.empty());
    }

    private static ReceivedObject converted(AsObject object, ObjectProof proof, Optional<Post> post) {
        String type = object.type().orElse("Object");
        Optional<URI> inReplyTo = Optional.ofNullable(Json.inReplyTo(object.json())).map(URI::create);
        return new ReceivedObject(object.id().orElseThrow(), type, inReplyTo, new RawJson(object.json().toString()), proof, post,
                post.isPresent() ? AsToPoll.read(object.json()) : Optional.empty());
    }

    private Optional<Post> typedPost(AsObject object, URI actor, ObjectProof proof, Sender senderOf) throws IOException {
        URI author = object.attributedTo().orElse(actor);
        if (!author.equals(actor)) return Optional.empty();
        RemoteActor sender = senderOf.get();
        Origin origin = new Origin.Remote(actor.getRawAuthority(), proof.status() == ObjectProof.Status.VERIFIED);
        return AsToPost.convert(object.json(), sender.followers(), origin);
    }
}
