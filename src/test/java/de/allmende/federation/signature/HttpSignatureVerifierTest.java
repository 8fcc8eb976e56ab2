package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import de.allmende.federation.signature.TestKeys.RecordingResolver;
import de.allmende.federation.signature.VerificationResult.Outcome;

@DisplayName("inbound dispatch between RFC 9421 and draft-cavage")
class HttpSignatureVerifierTest {

    private static final String KEY_ID = "https://social.example/users/anna#main-key";
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final HttpSignatureVerifier VERIFIER = HttpSignatureVerifier.federation();

    private static PublicKey key;

    @BeforeAll
    static void keys() throws Exception {
        key = TestKeys.rsaPublicViaPem(TestKeys.RSA);
    }

    private static SignedRequestParts post() {
        return new SignedRequestParts("POST", URI.create("https://allmende.example/inbox"),
                Map.of("Content-Type", List.of("application/activity+json")),
                "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a draft-cavage signed request is verified as such")
    void cavage() throws Exception {
        SignedRequestParts signed = post().withHeaders(
                CavageSigner.sign(post(), KEY_ID, TinkSigners.rsaSha256(TestKeys.RSA), NOW));
        VerificationResult result = VERIFIER.verify(signed, RecordingResolver.of(key), NOW);
        assertTrue(result.isVerified(), result.reason());
        assertEquals("rsa-sha256", result.algorithm().orElseThrow());
    }

    @Test
    @DisplayName("a request with Signature-Input is verified as RFC 9421")
    void rfc9421() throws Exception {
        SignedRequestParts signed = post().withHeaders(Rfc9421Signer.sign(post(), KEY_ID,
                SignatureAlgorithm.RSA_V1_5_SHA256, TinkSigners.rsaSha256(TestKeys.RSA), NOW));
        VerificationResult result = VERIFIER.verify(signed, RecordingResolver.of(key), NOW);
        assertTrue(result.isVerified(), result.reason());
        assertEquals("rsa-v1_5-sha256", result.algorithm().orElseThrow());
    }

    @Test
    @DisplayName("an unsigned request is MISSING; outcomes map to 400 and 401")
    void outcomes() {
        assertEquals(Outcome.MISSING, VERIFIER.verify(post(), RecordingResolver.of(key), NOW).outcome());
        assertEquals(400, Outcome.MALFORMED.httpStatus());
        assertEquals(401, Outcome.EXPIRED.httpStatus());
        assertEquals(401, Outcome.INVALID.httpStatus());
    }

    @Test
    @DisplayName("the window refuses nonsensical settings")
    void windowValidation() {
        assertThrows(IllegalArgumentException.class,
                () -> new SignatureWindow(Duration.ofHours(-1), Duration.ZERO, Duration.ZERO));
    }
}
