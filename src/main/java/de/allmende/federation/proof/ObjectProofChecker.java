package de.allmende.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * Checks the FEP-8b32 proof a document carries itself against the key of its owner (the object's
 * {@code attributedTo}, an activity's {@code actor}). A valid signature by anyone else's key counts as
 * invalid: the proof must vouch for the owner (FEP-fe34), not merely for some signer.
 */
public final class ObjectProofChecker {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectProofChecker.class);

    private final AssertionKeys keys;

    public ObjectProofChecker(AssertionKeys keys) {
        this.keys = keys;
    }

    /**
     * @param enclosingContext the {@code @context} of the activity an object was embedded in, or null. An
     *     embedded object without a {@code @context} of its own may have been signed in the activity's
     *     (JSON-LD compaction drops the nested one); it is tried in that context if it fails as it is.
     */
    public ObjectProof check(JsonNode document, URI owner, JsonNode enclosingContext) {
        if (!(document instanceof ObjectNode doc) || !doc.has("proof")) return ObjectProof.absent();
        VerificationResult result = verify(doc, owner);
        if (!result.valid() && !doc.has("@context") && enclosingContext != null) {
            ObjectNode inContext = doc.deepCopy();
            inContext.set("@context", enclosingContext);
            VerificationResult second = verify(inContext, owner);
            if (second.valid()) result = second;
        }
        if (result.valid()) return ObjectProof.verified(result.verificationMethod());
        LOG.info("proof of {} by {} does not verify: {} (key {})", doc.path("id").asText("?"), owner, result.reason(),
                result.verificationMethod());
        return ObjectProof.invalid(result.verificationMethod());
    }

    private VerificationResult verify(ObjectNode document, URI owner) {
        return DataIntegrityProof.verify(document, keyId -> keys.find(keyId, owner));
    }

    /** Whether {@code document} carries a proof made with a key of {@code owner} that verifies. */
    public boolean isSignedBy(ObjectNode document, URI owner) {
        return check(document, owner, null).status() == ObjectProof.Status.VERIFIED;
    }

    /** The owner whose key must have made an object's proof: its {@code attributedTo}, else {@code fallback}. */
    public static URI ownerOf(JsonNode object, URI fallback) {
        return Json.uri(object.get("attributedTo")).orElse(fallback);
    }
}
