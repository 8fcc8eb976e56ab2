package de.allmende.federation.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Vectors;
import de.allmende.crypto.Base58btc;
import de.allmende.crypto.Ed25519Keys;
import de.allmende.crypto.Multikey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** W3C vc-di-eddsa "Representation: eddsa-jcs-2022", each intermediate value in turn. */
class W3cEddsaJcs2022VectorTest {

    private static final String DIR = "w3c-eddsa-jcs-2022/";
    private static final JsonNode KEY_PAIR = Vectors.json(DIR + "keyPair.json");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void canonicalDocumentAndItsHashMatch() throws Exception {
        byte[] canonical = Jcs.canonicalize(Vectors.json(DIR + "unsigned.json"));

        assertEquals(Vectors.text(DIR + "canonDocJCS.txt"), new String(canonical, StandardCharsets.UTF_8));
        assertArrayEquals(Vectors.hex(DIR + "docHashJCS.txt"), MessageDigest.getInstance("SHA-256").digest(canonical));
    }

    @Test
    void canonicalProofConfigAndItsHashMatch() throws Exception {
        byte[] canonical = Jcs.canonicalize(Vectors.json(DIR + "proofConfigJCS.json"));

        assertEquals(Vectors.text(DIR + "proofCanonJCS.txt"), new String(canonical, StandardCharsets.UTF_8));
        assertArrayEquals(Vectors.hex(DIR + "proofHashJCS.txt"), MessageDigest.getInstance("SHA-256").digest(canonical));
    }

    @Test
    void combinedHashIsProofHashThenDocumentHash() throws Exception {
        byte[] hashData = DataIntegrityProof.hashData(
                Vectors.json(DIR + "proofConfigJCS.json"), Vectors.json(DIR + "unsigned.json"));

        assertArrayEquals(Vectors.hex(DIR + "combinedHashJCS.txt"), hashData);
    }

    @Test
    void signingTheCredentialReproducesSignatureAndSignedDocument() {
        ObjectNode expected = Vectors.json(DIR + "signedJCS.json");
        JsonNode config = Vectors.json(DIR + "proofConfigJCS.json");
        byte[] seed = Multikey.decodeEd25519PrivateKey(KEY_PAIR.get("privateKeyMultibase").asText());

        ObjectNode signed = DataIntegrityProof.sign(
                Vectors.json(DIR + "unsigned.json"),
                config.get("verificationMethod").asText(),
                Ed25519Keys.fromSeed(seed),
                Instant.parse(config.get("created").asText()));

        String proofValue = signed.at("/proof/proofValue").asText();
        assertEquals(Vectors.text(DIR + "sigBTC58JCS.txt"), proofValue);
        assertArrayEquals(Vectors.hex(DIR + "sigHexJCS.txt"), Base58btc.decode(proofValue.substring(1)));
        assertEquals(expected, signed);
    }

    @Test
    void theSignedCredentialVerifiesWithTheDidKeyPublicKey() {
        ObjectNode signed = Vectors.json(DIR + "signedJCS.json");

        VerificationResult result = DataIntegrityProof.verify(signed, W3cEddsaJcs2022VectorTest::didKey);

        assertTrue(result.valid(), result.reason());
        assertEquals(Instant.parse("2023-02-24T23:36:38Z"), result.created());
    }

    @Test
    void theSignedCredentialFailsOnceTheSubjectChanges() {
        ObjectNode signed = Vectors.json(DIR + "signedJCS.json");
        ((ObjectNode) signed.get("credentialSubject")).put("alumniOf", "Another School");

        assertEquals("signature mismatch",
                DataIntegrityProof.verify(signed, W3cEddsaJcs2022VectorTest::didKey).reason());
    }

    /** did:key:z6Mk…#z6Mk… — the fragment is the Multikey itself; only the vector's key is known. */
    private static Optional<byte[]> didKey(String verificationMethod) {
        String publicKey = KEY_PAIR.get("publicKeyMultibase").asText();
        if (!verificationMethod.equals("did:key:" + publicKey + "#" + publicKey)) {
            return Optional.empty();
        }
        return Optional.of(Multikey.decodeEd25519PublicKey(publicKey));
    }
}
