package de.allmende.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Vectors;
import de.allmende.crypto.Ed25519Keys;
import de.allmende.crypto.Multikey;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The two scenarios of fep-8b32.feature, plus tampering on top of them. */
class Fep8b32VectorTest {

    private static final JsonNode INPUT = Vectors.json("fep-8b32/signing-input.json");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void signingTheFeatureDocumentReproducesTheSignedDocumentByteForByte() {
        ObjectNode unsigned = Vectors.json("fep-8b32/unsigned.json");
        ObjectNode expected = Vectors.json("fep-8b32/signed.json");
        byte[] seed = Multikey.decodeEd25519PrivateKey(INPUT.get("secretKeyMultibase").asText());

        ObjectNode signed = DataIntegrityProof.sign(
                unsigned,
                INPUT.get("verificationMethod").asText(),
                Ed25519Keys.fromSeed(seed),
                Instant.parse(INPUT.get("created").asText()));

        assertEquals(expected.at("/proof/proofValue").asText(), signed.at("/proof/proofValue").asText());
        assertEquals(expected, signed);
        assertFalse(unsigned.has("proof"), "input must stay untouched");
    }

    @Test
    void verifyingTheFeatureSignedDocumentWithTheActorsMultikeySucceeds() {
        VerificationResult result =
                DataIntegrityProof.verify(Vectors.json("fep-8b32/signed.json"), actorKeys(), NOW);

        assertTrue(result.valid(), result.reason());
        assertEquals("https://server.example/users/alice#ed25519-key", result.verificationMethod());
        assertEquals(Instant.parse("2023-02-24T23:36:38Z"), result.created());
    }

    @Test
    void changingTheNoteContentBreaksTheProof() {
        ObjectNode signed = Vectors.json("fep-8b32/signed.json");
        ((ObjectNode) signed.get("object")).put("content", "Hello world!");

        VerificationResult result = DataIntegrityProof.verify(signed, actorKeys(), NOW);

        assertFalse(result.valid());
        assertEquals("signature mismatch", result.reason());
    }

    @Test
    void changingANestedNumberBreaksTheProof() {
        ObjectNode signed = Vectors.json("fep-8b32/signed.json");
        ((ObjectNode) signed.at("/object/location")).put("latitude", 25.273963);

        assertEquals("signature mismatch", DataIntegrityProof.verify(signed, actorKeys(), NOW).reason());
    }

    @Test
    void backdatingTheProofBreaksIt() {
        ObjectNode signed = Vectors.json("fep-8b32/signed.json");
        ((ObjectNode) signed.get("proof")).put("created", "2023-02-24T23:36:37Z");

        assertEquals("signature mismatch", DataIntegrityProof.verify(signed, actorKeys(), NOW).reason());
    }

    @Test
    void aDifferentKeyForTheSameIdIsRejected() {
        byte[] otherKey = Ed25519Keys.publicKey(Ed25519Keys.generate());

        VerificationResult result = DataIntegrityProof.verify(
                Vectors.json("fep-8b32/signed.json"), id -> Optional.of(otherKey), NOW);

        assertEquals("signature mismatch", result.reason());
    }

    /** Resolves key ids the way a node would: from the actor's assertionMethod Multikeys. */
    private static Function<String, Optional<byte[]>> actorKeys() {
        JsonNode actor = Vectors.json("fep-8b32/actor.json");
        return id -> StreamSupport.stream(actor.get("assertionMethod").spliterator(), false)
                .filter(method -> id.equals(method.path("id").asText()))
                .filter(method -> "Multikey".equals(method.path("type").asText()))
                .findFirst()
                .map(method -> Multikey.decodeEd25519PublicKey(method.get("publicKeyMultibase").asText()));
    }
}
