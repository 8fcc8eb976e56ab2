package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.json.Json;
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
 * status is there. Boosts by actors nobody here follows are only counted, as Mastodon does.
 */
final class AnnouncedObjects {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncedObjects.class);

    private final HandlerContext c;

    AnnouncedObjects(HandlerContext c) {
        this.c = c;
    }

    /**
     * @param embedded the object as the Announce embeds it, or null when named by reference
     * @param context the {@code @context} an embedded object without its own is read in
     */
    void keep(URI objectIri, JsonNode embedded, JsonNode context, URI booster) {
        if (c.iris().isLocal(objectIri) || c.moderation().isBlockedDomain(objectIri.getRawAuthority())) return;
        if (!followedHere(booster) || c.objects().find(c.db().dsl(), objectIri.toString()).isPresent()) return;
        if (embedded != null && embedded.isObject() && store(objectIri, embedded, context, ObjectProof.Status.VERIFIED)) return;
        JsonNode fetched;
        try {
            fetched = c.fetcher().fetch(objectIri);
        } catch (IOException e) {
            // The boost itself still counts; the object is not kept.
            LOG.info("boosted object {} not fetched: {}", objectIri, e.getMessage());
            return;
        }
        store(objectIri, fetched, null, null);
    }

    private boolean followedHere(URI booster) {
        // Every follow row with a remote followee has a local follower.
        return c.follows().countFollowers(c.db().dsl(), booster.toString()) > 0;
    }

    /**
     * Stores {@code object} if it is attributed to an actor on its own host and, when {@code required}
     * is given, its proof has that status. Returns whether it was stored.
     */
    private boolean store(URI objectIri, JsonNode object, JsonNode context, ObjectProof.Status required) {
        if (!Json.uri(object.get("id")).map(objectIri::equals).orElse(false)) return false;
        Optional<URI> owner = Json.uri(object.get("attributedTo"));
        if (owner.isEmpty() || !owner.get().getRawAuthority().equalsIgnoreCase(objectIri.getRawAuthority())
                || c.moderation().isBlockedActor(owner.get().toString())) {
            return false;
        }
        ObjectProof proof = c.proofs().check(object, owner.get(), context);
        if (required != null && proof.status() != required) return false;
        String type = Json.firstType(object).orElse("Object");
        c.db().dsl().transaction(cfg -> c.objects().insertRemote(cfg.dsl(), objectIri.toString(), type, owner.get().toString(), Json.inReplyTo(object), object, proof));
        return true;
    }
}
