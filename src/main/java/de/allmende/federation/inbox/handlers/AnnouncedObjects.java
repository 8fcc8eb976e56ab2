package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.service.ModerationService;
import de.allmende.service.RemotePosts;
import de.allmende.service.RemotePosts.ReceivedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The object of a boost, checked and converted for {@link RemotePosts#boosted}, which keeps it so that those here who
 * follow the booster can see what was boosted. Such an object reaches us through a third node, so its own FEP-8b32
 * proof is what keeps it attributable to its author: an embedded copy is kept only if that proof verifies with the
 * author's key; otherwise the object is fetched from its origin and kept with whatever its proof status is there. It
 * is kept as a typed post too, so the boost can be a post naming it.
 */
public final class AnnouncedObjects {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncedObjects.class);

    private final Iris iris;
    private final ModerationService moderation;
    private final RemoteFetcher fetcher;
    private final ObjectProofChecker proofs;
    private final ReceivedPosts posts;

    AnnouncedObjects(Iris iris, ModerationService moderation, RemoteFetcher fetcher, ObjectProofChecker proofs, ReceivedPosts posts) {
        this.iris = iris;
        this.moderation = moderation;
        this.fetcher = fetcher;
        this.proofs = proofs;
        this.posts = posts;
    }

    /**
     * @param embedded the object as the Announce embeds it; empty when named by reference
     * @param context the {@code @context} an embedded object without its own is read in
     */
    void keep(URI objectIri, Optional<AsObject> embedded, Optional<JsonNode> context, URI booster) {
        if (iris.isLocal(objectIri) || moderation.isBlockedDomain(objectIri.getRawAuthority())) return;
        if (!posts.use().wantsBoosted(booster, objectIri)) return;
        if (embedded.isPresent() && keep(objectIri, embedded.get(), context, Optional.of(ObjectProof.Status.VERIFIED))) return;
        Optional<AsObject> fetched;
        try {
            fetched = AsToInboundActivity.object(fetcher.fetch(objectIri));
        } catch (IOException e) {
            // The boost itself still counts; the object is not kept.
            LOG.info("boosted object {} not fetched: {}", objectIri, e.getMessage());
            return;
        }
        fetched.ifPresent(object -> keep(objectIri, object, Optional.empty(), Optional.empty()));
    }

    /**
     * Keeps {@code object} if it is attributed to an actor on its own host and, when {@code required}
     * is given, its proof has that status. Returns whether it was kept.
     */
    private boolean keep(URI objectIri, AsObject object, Optional<JsonNode> context, Optional<ObjectProof.Status> required) {
        if (!object.id().map(objectIri::equals).orElse(false)) return false;
        Optional<URI> owner = object.attributedTo();
        if (owner.isEmpty() || !owner.get().getRawAuthority().equalsIgnoreCase(objectIri.getRawAuthority())
                || moderation.isBlockedActor(owner.get().toString())) {
            return false;
        }
        ObjectProof proof = proofs.check(object.json(), owner.get(), context.orElse(null));
        if (required.isPresent() && proof.status() != required.get()) return false;
        posts.use().boosted(owner.get(), converted(object, owner.get(), proof));
        return true;
    }

    /**
     * Also as a typed post, so that the boost can be a post naming it. The author's document (resolved by the proof
     * check already, or fetched now) decides followers-only visibility; without it the object is kept raw only.
     */
    private ReceivedObject converted(AsObject object, URI author, ObjectProof proof) {
        try {
            return posts.convert(object, author, proof);
        } catch (IOException e) {
            LOG.info("author {} of a boosted object not resolved: {}", author, e.getMessage());
            return posts.rawOnly(object, proof);
        }
    }
}
