package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.federation.json.Json;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.post.AsToPost;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.store.AccountStore;
import de.allmende.store.FollowStore;
import de.allmende.store.ObjectStore;
import de.allmende.store.PostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Keeps the object of a boost, so that those here who follow the booster can see what was boosted.
 * Such an object reaches us through a third node, so its own FEP-8b32 proof is what keeps it
 * attributable to its author: an embedded copy is stored only if that proof verifies with the
 * author's key; otherwise the object is fetched from its origin and stored with whatever its proof
 * status is there. It is kept as a typed post too, so the boost can be a post naming it. Boosts by actors nobody
 * here follows are only counted, as Mastodon does.
 */
public final class AnnouncedObjects {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncedObjects.class);

    private final Database db;
    private final Iris iris;
    private final ModerationService moderation;
    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final ObjectProofChecker proofs;
    private final AccountStore accounts = new AccountStore();
    private final FollowStore follows = new FollowStore();
    private final ObjectStore objects = new ObjectStore();
    private final PostStore posts = new PostStore();

    public AnnouncedObjects(Database db, Iris iris, ModerationService moderation, ActorResolver resolver, RemoteFetcher fetcher,
                            ObjectProofChecker proofs) {
        this.db = db;
        this.resolver = resolver;
        this.iris = iris;
        this.moderation = moderation;
        this.fetcher = fetcher;
        this.proofs = proofs;
    }

    /**
     * @param embedded the object as the Announce embeds it; empty when named by reference
     * @param context the {@code @context} an embedded object without its own is read in
     */
    void keep(URI objectIri, Optional<AsObject> embedded, Optional<JsonNode> context, URI booster) {
        if (iris.isLocal(objectIri) || moderation.isBlockedDomain(objectIri.getRawAuthority())) return;
        if (!followedHere(booster) || objects.find(db.dsl(), objectIri.toString()).isPresent()) return;
        if (embedded.isPresent() && store(objectIri, embedded.get(), context, Optional.of(ObjectProof.Status.VERIFIED))) return;
        Optional<AsObject> fetched;
        try {
            fetched = AsToInboundActivity.object(fetcher.fetch(objectIri));
        } catch (IOException e) {
            // The boost itself still counts; the object is not kept.
            LOG.info("boosted object {} not fetched: {}", objectIri, e.getMessage());
            return;
        }
        fetched.ifPresent(object -> store(objectIri, object, Optional.empty(), Optional.empty()));
    }

    private boolean followedHere(URI booster) {
        // Every follow row with a remote followee has a local follower.
        return accounts.remote(db.dsl(), booster).filter(a -> follows.countFollowers(db.dsl(), a.id()) > 0).isPresent();
    }

    /**
     * Stores {@code object} if it is attributed to an actor on its own host and, when {@code required}
     * is given, its proof has that status. Returns whether it was stored.
     */
    private boolean store(URI objectIri, AsObject object, Optional<JsonNode> context, Optional<ObjectProof.Status> required) {
        if (!object.id().map(objectIri::equals).orElse(false)) return false;
        Optional<URI> owner = object.attributedTo();
        if (owner.isEmpty() || !owner.get().getRawAuthority().equalsIgnoreCase(objectIri.getRawAuthority())
                || moderation.isBlockedActor(owner.get().toString())) {
            return false;
        }
        ObjectProof proof = proofs.check(object.json(), owner.get(), context.orElse(null));
        if (required.isPresent() && proof.status() != required.get()) return false;
        String type = object.type().orElse("Object");
        Optional<Post> post = typed(object, owner.get(), proof);
        db.dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            objects.insertRemote(tx, objectIri.toString(), type, owner.get().toString(), Json.inReplyTo(object.json()), object.json(), proof);
            Optional<Long> objectRow = objects.find(tx, objectIri.toString()).map(ObjectStore.StoredObject::id);
            post.ifPresent(p -> posts.accountOfRemote(tx, owner.get()).ifPresent(author -> posts.save(tx, p, author, objectRow)));
        });
        return true;
    }

    /**
     * The boosted object as a typed post too, so that the boost can be a post naming it. The author's document
     * (resolved by the proof check already, or fetched now) decides followers-only visibility; without it the
     * object is kept raw only.
     */
    private Optional<Post> typed(AsObject object, URI author, ObjectProof proof) {
        try {
            RemoteActor a = resolver.resolve(author);
            return AsToPost.convert(object.json(), a.followers(),
                    new Origin.Remote(author.getRawAuthority(), proof.status() == ObjectProof.Status.VERIFIED));
        } catch (IOException e) {
            LOG.info("author {} of a boosted object not resolved: {}", author, e.getMessage());
            return Optional.empty();
        }
    }
}
