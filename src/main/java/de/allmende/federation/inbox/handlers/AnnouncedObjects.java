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
    private final ReceivedPosts posts;
    private final KeptObjects kept;

    AnnouncedObjects(Iris iris, ModerationService moderation, RemoteFetcher fetcher, ObjectProofChecker proofs, ReceivedPosts posts) {
        this.iris = iris;
        this.moderation = moderation;
        this.fetcher = fetcher;
        this.posts = posts;
        this.kept = new KeptObjects(moderation, proofs, posts);
    }

    /**
     * @param embedded the object as the Announce embeds it; empty when named by reference
     * @param context the {@code @context} an embedded object without its own is read in
     */
    void keep(URI objectIri, Optional<AsObject> embedded, Optional<JsonNode> context, URI booster) {
        if (iris.isLocal(objectIri) || moderation.isBlockedDomain(objectIri.getRawAuthority())) return;
        if (!posts.use().wantsBoosted(booster, objectIri)) return;
        if (embedded.isPresent() && kept.keep(objectIri, embedded.get(), context, Optional.of(ObjectProof.Status.VERIFIED))) return;
        Optional<AsObject> fetched;
        try {
            fetched = AsToInboundActivity.object(fetcher.fetch(objectIri));
        } catch (IOException e) {
            // The boost itself still counts; the object is not kept.
            LOG.info("boosted object {} not fetched: {}", objectIri, e.getMessage());
            return;
        }
        fetched.ifPresent(object -> kept.keep(objectIri, object, Optional.empty(), Optional.empty()));
    }
}
