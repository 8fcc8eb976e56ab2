package de.allmende.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import de.allmende.crypto.Ed25519Keys;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything a hostile or broken peer might send, and signing misuse. */
class DataIntegrityProofRejectionTest {

    private static final String KEY_ID = "https://gemeinde.example/actors/rathaus#ed25519-key";
    private static final Instant CREATED = Instant.parse("2025-03-01T09:30:00Z");

    private final KeysetHandle keyset = Ed25519Keys.generate();
    private final Function<String, Optional<byte[]>> resolver =
            id -> KEY_ID.equals(id) ? Optional.of(Ed25519Keys.publicKey(keyset)) : Optional.empty();
    private final ObjectNode signed = DataIntegrityProof.sign(DataIntegrityProofRoundTripTest.note(), KEY_ID, keyset, CREATED);

    @Test
    void aDocumentWithoutProofIsRejected() {
        assertEquals("missing proof", reasonAfter(doc -> doc.remove("proof")));
        assertEquals("missing proof", reasonAfter(doc -> doc.putNull("proof")));
    }

    @Test
    void proofSetsWithMoreOrFewerThanOneProofAreRejected() {
        assertEquals("expected exactly one proof", reasonAfter(doc -> doc.set("proof",
                JsonNodeFactory.instance.arrayNode().add(doc.get("proof")).add(doc.get("proof")))));
        assertEquals("expected exactly one proof",
                reasonAfter(doc -> doc.set("proof", JsonNodeFactory.instance.arrayNode())));
        assertEquals("malformed proof", reasonAfter(doc -> doc.put("proof", "z3abc")));
    }

    @Test
    void otherProofTypesCryptosuitesAndPurposesAreRejected() {
        assertEquals("unsupported proof type", reasonAfter(doc -> proof(doc).put("type", "Ed25519Signature2020")));
        assertEquals("unsupported cryptosuite", reasonAfter(doc -> proof(doc).put("cryptosuite", "eddsa-rdfc-2022")));
        assertEquals("unsupported cryptosuite", reasonAfter(doc -> proof(doc).put("cryptosuite", "jcs-eddsa-2022")));
        assertEquals("unsupported proofPurpose", reasonAfter(doc -> proof(doc).put("proofPurpose", "authentication")));
        assertEquals("unsupported proofPurpose", reasonAfter(doc -> proof(doc).remove("proofPurpose")));
        assertEquals("missing verificationMethod", reasonAfter(doc -> proof(doc).remove("verificationMethod")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "z", "u3q2", "zz0OIl", "z1111", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"})
    void malformedProofValuesAreRejectedBeforeAnyKeyLookup(String proofValue) {
        ObjectNode doc = signed.deepCopy();
        proof(doc).put("proofValue", proofValue);

        VerificationResult result = DataIntegrityProof.verify(doc, id -> fail("no key lookup expected"));

        assertEquals("malformed proofValue", result.reason());
    }

    @Test
    void aProofValueOfTheRightLengthButWrongBytesIsASignatureMismatch() {
        String value = proof(signed).get("proofValue").asText();
        char last = value.charAt(value.length() - 1);
        String altered = value.substring(0, value.length() - 1) + (last == '2' ? '3' : '2');

        assertEquals("signature mismatch", reasonAfter(doc -> proof(doc).put("proofValue", altered)));
        assertEquals("malformed proofValue", reasonAfter(doc -> proof(doc).put("proofValue", 42)));
    }

    @Test
    void aDocumentWhoseContextNoLongerStartsWithTheProofContextIsRejected() {
        String reason = "document @context does not start with proof @context";
        assertEquals(reason, reasonAfter(doc -> doc.put("@context", "https://www.w3.org/ns/activitystreams")));
        assertEquals(reason, reasonAfter(doc -> doc.remove("@context")));
        assertEquals(reason, reasonAfter(doc -> ((ArrayNode) doc.get("@context")).insert(0, "https://evil.example/ctx")));
        assertEquals(reason, reasonAfter(doc -> ((ArrayNode) doc.get("@context")).remove(1)));
    }

    @Test
    void removingTheProofContextIsASignatureMismatchNotABypass() {
        assertEquals("signature mismatch", reasonAfter(doc -> proof(doc).remove("@context")));
    }

    @Test
    void unknownOrUnusableKeysAreRejected() {
        assertEquals("unknown verificationMethod",
                DataIntegrityProof.verify(signed, id -> Optional.empty()).reason());
        assertEquals("unusable verificationMethod key",
                DataIntegrityProof.verify(signed, id -> Optional.of(new byte[31])).reason());
        assertEquals("signature mismatch", reasonAfter(doc -> proof(doc).put("verificationMethod", KEY_ID + "2"),
                id -> Optional.of(Ed25519Keys.publicKey(keyset))));
    }

    @Test
    void malformedOrPastTimestampsAreRejected() {
        assertEquals("malformed created", reasonAfter(doc -> proof(doc).put("created", "gestern")));
        assertEquals("malformed created", reasonAfter(doc -> proof(doc).put("created", "2025-03-01T09:30:00")));
        assertEquals("malformed expires", reasonAfter(doc -> proof(doc).put("expires", 1700000000)));

        // sign() does not write expires; the expiry check runs before the signature check, so
        // adding it afterwards is enough to see the check fire.
        ObjectNode withExpiry = signed.deepCopy();
        proof(withExpiry).put("expires", "2025-03-02T00:00:00Z");
        VerificationResult result = DataIntegrityProof.verify(withExpiry, resolver, Instant.parse("2025-03-02T00:00:01Z"));
        assertEquals("proof expired", result.reason());
        assertEquals(KEY_ID, result.verificationMethod());
    }

    @Test
    void swappingAQuestionMarkForALoneSurrogateIsNotAcceptedAsTheSameDocument() {
        ObjectNode doc = DataIntegrityProofRoundTripTest.note();
        doc.put("content", "Wann?");
        ObjectNode withQuestionMark = DataIntegrityProof.sign(doc, KEY_ID, keyset, CREATED);
        ObjectNode withSurrogate = withQuestionMark.deepCopy();
        withSurrogate.put("content", "Wann\ud800");

        assertEquals("document cannot be canonicalized", DataIntegrityProof.verify(withSurrogate, resolver).reason());
        ObjectNode unsignable = DataIntegrityProofRoundTripTest.note();
        unsignable.put("content", "Wann\ud800");
        assertEquals("document cannot be canonicalized", assertThrows(ProofException.class,
                () -> DataIntegrityProof.sign(unsignable, KEY_ID, keyset, CREATED)).getMessage());
    }

    @Test
    void signingRefusesDocumentsThatAlreadyCarryAProofOrLdSignature() {
        assertEquals("document already has a proof",
                assertThrows(ProofException.class, () -> DataIntegrityProof.sign(signed, KEY_ID, keyset, CREATED))
                        .getMessage());
        ObjectNode ldSigned = DataIntegrityProofRoundTripTest.note();
        ldSigned.putObject("signature").put("type", "RsaSignature2017");
        assertEquals("document already has an LD signature",
                assertThrows(ProofException.class, () -> DataIntegrityProof.sign(ldSigned, KEY_ID, keyset, CREATED))
                        .getMessage());
        assertThrows(ProofException.class,
                () -> DataIntegrityProof.sign(DataIntegrityProofRoundTripTest.note(), " ", keyset, CREATED));
    }

    @Test
    void signingRefusesASignerThatDoesNotProduceBareEd25519Signatures() {
        assertEquals("signer must produce raw 64-byte Ed25519 signatures",
                assertThrows(ProofException.class, () -> DataIntegrityProof.sign(
                        DataIntegrityProofRoundTripTest.note(), KEY_ID, data -> new byte[69], CREATED)).getMessage());
    }

    @Test
    void verifyingDoesNotModifyTheReceivedDocument() {
        ObjectNode received = signed.deepCopy();
        received.putObject("signature").put("type", "RsaSignature2017");
        ObjectNode before = received.deepCopy();

        DataIntegrityProof.verify(received, resolver);

        assertEquals(before, received);
        assertFalse(before.isEmpty());
    }

    private String reasonAfter(Consumer<ObjectNode> tamper) {
        return reasonAfter(tamper, resolver);
    }

    private String reasonAfter(Consumer<ObjectNode> tamper, Function<String, Optional<byte[]>> keys) {
        ObjectNode doc = signed.deepCopy();
        tamper.accept(doc);
        VerificationResult result = DataIntegrityProof.verify(doc, keys);
        assertFalse(result.valid());
        return result.reason();
    }

    private static ObjectNode proof(ObjectNode doc) {
        return (ObjectNode) doc.get("proof");
    }
}
