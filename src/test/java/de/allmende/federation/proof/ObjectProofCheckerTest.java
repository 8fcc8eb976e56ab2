package de.allmende.federation.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import de.allmende.crypto.Ed25519Keys;
import de.allmende.domain.ObjectProof;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner rule and the embedded-object context rule of {@link ObjectProofChecker}, without a network. */
class ObjectProofCheckerTest {
    private static final URI RATHAUS = URI.create("https://gemeinde.example/actors/rathaus");
    private static final String KEY_ID = RATHAUS + "#ed25519-key";

    private final KeysetHandle keyset = Ed25519Keys.generate();
    /** Only the Rathaus lists the key in its assertionMethod. */
    private final ObjectProofChecker checker = new ObjectProofChecker(
            (keyId, owner) -> KEY_ID.equals(keyId) && RATHAUS.equals(owner) ? Optional.of(Ed25519Keys.publicKey(keyset)) : Optional.empty());

    @Test
    void aProofByTheOwnersKeyVerifies() {
        ObjectNode note = DataIntegrityProof.sign(note(context()), KEY_ID, keyset, Instant.now());
        assertEquals(ObjectProof.verified(KEY_ID), checker.check(note, RATHAUS, null));
        assertTrue(checker.isSignedBy(note, RATHAUS));
    }

    @Test
    void theSameProofDoesNotVouchForAnotherOwner() {
        ObjectNode note = DataIntegrityProof.sign(note(context()), KEY_ID, keyset, Instant.now());
        URI other = URI.create("https://gemeinde.example/actors/kaemmerei");
        assertEquals(ObjectProof.invalid(KEY_ID), checker.check(note, other, null));
        assertFalse(checker.isSignedBy(note, other));
    }

    @Test
    void noProofIsAbsent() {
        assertEquals(ObjectProof.absent(), checker.check(note(context()), RATHAUS, null));
    }

    @Test
    void anObjectSignedInTheActivitysContextAndEmbeddedWithoutItVerifiesInThatContext() {
        ObjectNode embedded = DataIntegrityProof.sign(note(context()), KEY_ID, keyset, Instant.now());
        embedded.remove("@context"); // as JSON-LD compaction of the enclosing activity leaves it
        assertEquals(ObjectProof.verified(KEY_ID), checker.check(embedded, RATHAUS, context()));
        assertEquals(ObjectProof.invalid(KEY_ID), checker.check(embedded, RATHAUS, null), "without the activity's context");
    }

    @Test
    void anObjectSignedWithoutContextVerifiesAsItIsEvenWhenEmbedded() {
        ObjectNode embedded = DataIntegrityProof.sign(note(null), KEY_ID, keyset, Instant.now());
        assertEquals(ObjectProof.verified(KEY_ID), checker.check(embedded, RATHAUS, context()));
    }

    private static ObjectNode note(ArrayNode context) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (context != null) n.set("@context", context);
        n.put("id", "https://gemeinde.example/objects/1");
        n.put("type", "Note");
        n.put("attributedTo", RATHAUS.toString());
        n.put("content", "<p>Wahllokale geöffnet</p>");
        return n;
    }

    private static ArrayNode context() {
        return JsonNodeFactory.instance.arrayNode().add("https://www.w3.org/ns/activitystreams")
                .add("https://w3id.org/security/data-integrity/v1");
    }
}
