package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.proof.ObjectProofChecker;
import de.allmende.federation.vocab.AsObject;
import de.allmende.service.ActorService;
import de.allmende.service.ModerationService;
import de.allmende.service.RemotePosts;
import de.allmende.service.RemotePosts.ReceivedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Keeps a remote object that did not come from its author — the object of a boost, relayed by a third node, or a
 * post an app looked up by URL — if it is attributable to its author: attributed to an actor on the object's own
 * host who is not blocked. Its FEP-8b32 proof is checked and kept with it; it is kept as a typed post too where its
 * author's document can be had.
 */
public final class KeptObjects {
    private static final Logger LOG = LoggerFactory.getLogger(KeptObjects.class);

    private final ModerationService moderation;
    private final ObjectProofChecker proofs;
    private final ReceivedPosts posts;

    KeptObjects(ModerationService moderation, ObjectProofChecker proofs, ReceivedPosts posts) {
        this.moderation = moderation;
        this.proofs = proofs;
        this.posts = posts;
    }

    /** Outside the inbox (search): its own collaborators, on {@code db}. */
    public static KeptObjects create(Database db, Iris iris, ActorService actors, ActorResolver resolver, ModerationService moderation) {
        return new KeptObjects(moderation, new ObjectProofChecker(resolver), InboxHandlers.receivedPosts(db, iris, actors, resolver));
    }

    /**
     * Keeps {@code object} (named {@code objectIri}) if it is attributable and, when {@code required} is given, its
     * proof has that status. Returns whether it was kept (also when it was kept before).
     *
     * @param context the {@code @context} an embedded object without its own is read in
     */
    public boolean keep(URI objectIri, AsObject object, Optional<JsonNode> context, Optional<ObjectProof.Status> required) {
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
     * Also as a typed post, so that a boost can be a post naming it. The author's document (resolved by the proof
     * check already, or fetched now) decides followers-only visibility; without it the object is kept raw only.
     */
    private ReceivedObject converted(AsObject object, URI author, ObjectProof proof) {
        try {
            return posts.convert(object, author, proof);
        } catch (IOException e) {
            LOG.info("author {} of a relayed object not resolved: {}", author, e.getMessage());
            return posts.rawOnly(object, proof);
        }
    }
}
