package de.allmende.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import de.allmende.Vectors;
import de.allmende.crypto.Ed25519Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Our own signatures with a fresh Tink keyset, through the kinds of re-serialization federation does. */
class DataIntegrityProofRoundTripTest {

    private static final String KEY_ID = "https://gemeinde.example/actors/rathaus#ed25519-key";
    private static final Instant CREATED = Instant.parse("2025-03-01T09:30:00.123456Z");

    private final KeysetHandle keyset = Ed25519Keys.generate();
    private final Function<String, Optional<byte[]>> resolver =
            id -> KEY_ID.equals(id) ? Optional.of(Ed25519Keys.publicKey(keyset)) : Optional.empty();

    @Test
    void aNoteSignedWithAFreshKeysetVerifies() {
        ObjectNode signed = DataIntegrityProof.sign(note(), KEY_ID, keyset, CREATED);

        VerificationResult result = DataIntegrityProof.verify(signed, resolver);

        assertTrue(result.valid(), result.reason());
        assertEquals(KEY_ID, result.verificationMethod());
        // Whole seconds on the wire.
        assertEquals("2025-03-01T09:30:00Z", signed.at("/proof/created").asText());
        assertEquals(Instant.parse("2025-03-01T09:30:00Z"), result.created());
        assertEquals(signed.get("@context"), signed.at("/proof/@context"));
    }

    @Test
    void embeddedSignedNoteKeepsVerifyingAfterTheActivityIsReserializedDifferently() throws Exception {
        ObjectNode signedNote = DataIntegrityProof.sign(note(), KEY_ID, keyset, CREATED);
        ObjectNode create = JsonNodeFactory.instance.objectNode();
        create.set("@context", context());
        create.put("id", "https://gemeinde.example/activities/7");
        create.put("type", "Create");
        create.put("actor", "https://gemeinde.example/actors/rathaus");
        create.set("object", signedNote);
        ObjectNode signedCreate = DataIntegrityProof.sign(create, KEY_ID, keyset, CREATED);

        // Another server: pretty-printed, keys shuffled at every level, then parsed again.
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String rewritten = pretty.writeValueAsString(shuffled(signedCreate, new Random(7)));
        ObjectNode received = (ObjectNode) Vectors.JSON.readTree(rewritten);
        assertNotEquals(Vectors.JSON.writeValueAsString(signedCreate), Vectors.JSON.writeValueAsString(received));

        assertTrue(DataIntegrityProof.verify(received, resolver).valid(), "outer activity");
        VerificationResult inner = DataIntegrityProof.verify((ObjectNode) received.get("object"), resolver);
        assertTrue(inner.valid(), inner.reason());
    }

    @Test
    void nonAsciiTextAndNumbersSurviveCanonicalization() throws Exception {
        ObjectNode note = note();
        note.put("content", "Bürgerhaushalt 2026: Straßenbeleuchtung – 12 % mehr ✓ 𝄞");
        note.put("budget", 1.5e6);
        note.put("share", 0.1);
        ObjectNode signed = DataIntegrityProof.sign(note, KEY_ID, keyset, CREATED);

        ObjectNode reparsed = (ObjectNode) Vectors.JSON.readTree(Vectors.JSON.writeValueAsBytes(signed));

        assertTrue(DataIntegrityProof.verify(reparsed, resolver).valid());
    }

    @Test
    void aDocumentWithoutContextGetsAProofWithoutContext() {
        ObjectNode note = note();
        note.remove("@context");

        ObjectNode signed = DataIntegrityProof.sign(note, KEY_ID, keyset, CREATED);

        assertTrue(signed.get("proof").get("@context") == null);
        assertTrue(DataIntegrityProof.verify(signed, resolver).valid());
    }

    @Test
    void aProofWrappedInAOneElementArrayVerifies() {
        ObjectNode signed = DataIntegrityProof.sign(note(), KEY_ID, keyset, CREATED);
        signed.set("proof", JsonNodeFactory.instance.arrayNode().add(signed.get("proof")));

        assertTrue(DataIntegrityProof.verify(signed, resolver).valid());
    }

    @Test
    void aLegacyLdSignatureAddedAfterTheProofIsIgnored() {
        ObjectNode signed = DataIntegrityProof.sign(note(), KEY_ID, keyset, CREATED);
        ObjectNode ldSignature = signed.putObject("signature");
        ldSignature.put("type", "RsaSignature2017");
        ldSignature.put("signatureValue", "bm90IGNoZWNrZWQ=");

        assertTrue(DataIntegrityProof.verify(signed, resolver).valid());
    }

    @Test
    void aContextAppendedAfterSigningStillVerifiesAsTheCryptosuitePrescribes() {
        ObjectNode signed = DataIntegrityProof.sign(note(), KEY_ID, keyset, CREATED);
        ((ArrayNode) signed.get("@context")).add("https://w3id.org/security/multikey/v1");

        assertTrue(DataIntegrityProof.verify(signed, resolver).valid());
    }

    static ObjectNode note() {
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.set("@context", context());
        note.put("id", "https://gemeinde.example/notes/42");
        note.put("type", "Note");
        note.put("attributedTo", "https://gemeinde.example/actors/rathaus");
        note.put("content", "Sitzung des Gemeinderats am Dienstag");
        ObjectNode place = note.putObject("location");
        place.put("type", "Place");
        place.put("latitude", 50.7374);
        place.put("longitude", 7.0982);
        return note;
    }

    static ArrayNode context() {
        return JsonNodeFactory.instance.arrayNode()
                .add("https://www.w3.org/ns/activitystreams")
                .add("https://w3id.org/security/data-integrity/v2");
    }

    /** A copy with object keys in random order at every depth; array order is meaningful and kept. */
    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            Collections.shuffle(fields, random);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(field -> copy.set(field.getKey(), shuffled(field.getValue(), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(shuffled(element, random)));
            return copy;
        }
        return node;
    }
}
