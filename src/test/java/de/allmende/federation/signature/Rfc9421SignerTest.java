package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519PublicKey;

import de.allmende.crypto.Pem;
import de.allmende.federation.signature.TestKeys.RecordingResolver;
import de.allmende.federation.signature.VerificationResult.Outcome;

@DisplayName("RFC 9421 signing and verification for federation traffic")
class Rfc9421SignerTest {

    private static final String KEY_ID = "https://allmende.example/actors/rathaus#main-key";
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Rfc9421Verifier VERIFIER = new Rfc9421Verifier(Rfc9421Verifier.Policy.FEDERATION);

    private static PublicKey rsaKey;
    private static PublicKey otherRsaKey;
    private static PublicKey edKey;
    private static PublicKeySign rsaSigner;
    private static PublicKeySign edSigner;

    @BeforeAll
    static void keys() throws Exception {
        rsaKey = TestKeys.rsaPublicViaPem(TestKeys.RSA);
        otherRsaKey = TestKeys.rsaPublicViaPem(TestKeys.OTHER_RSA);
        rsaSigner = TinkSigners.rsaSha256(TestKeys.RSA);
        edSigner = TinkSigners.ed25519(TestKeys.ED25519);
        // An Ed25519 public key as an SPKI PEM would arrive: fixed prefix plus the 32 raw bytes.
        byte[] raw = ((Ed25519PublicKey) TestKeys.ED25519.getPublicKeysetHandle().getPrimary().getKey())
                .getPublicKeyBytes().toByteArray();
        byte[] spki = new byte[44];
        System.arraycopy(new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        edKey = Pem.decodeSpki(spki);
    }

    private static SignedRequestParts post() {
        return new SignedRequestParts("POST", URI.create("https://social.example/users/anna/inbox?x=1"),
                Map.of("Content-Type", List.of("application/activity+json")),
                "{\"type\":\"Like\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequestParts signed(SignedRequestParts request, SignatureAlgorithm algorithm, Instant at)
            throws Exception {
        PublicKeySign signer = algorithm == SignatureAlgorithm.ED25519 ? edSigner : rsaSigner;
        return request.withHeaders(Rfc9421Signer.sign(request, KEY_ID, algorithm, signer, at));
    }

    @Test
    @DisplayName("a POST is signed over @method @target-uri content-digest content-type with created, keyid, alg")
    void postHeaders() throws Exception {
        Map<String, String> added = Rfc9421Signer.sign(post(), KEY_ID, SignatureAlgorithm.RSA_V1_5_SHA256, rsaSigner, NOW);
        assertEquals(List.of("Content-Digest", "Signature-Input", "Signature"), List.copyOf(added.keySet()));
        assertEquals(ContentDigest.sha256(post().body()), added.get("Content-Digest"));
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\");created="
                + NOW.getEpochSecond() + ";keyid=\"" + KEY_ID + "\";alg=\"rsa-v1_5-sha256\"", added.get("Signature-Input"));
        assertTrue(added.get("Signature").matches("sig1=:[A-Za-z0-9+/=]+:"));
    }

    @ParameterizedTest(name = "{0}: sign and verify round trip")
    @ValueSource(strings = {"RSA_V1_5_SHA256", "ED25519"})
    void roundTrip(String algorithmName) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(algorithmName);
        PublicKey key = algorithm == SignatureAlgorithm.ED25519 ? edKey : rsaKey;
        VerificationResult result = VERIFIER.verify(signed(post(), algorithm, NOW), RecordingResolver.of(key), NOW);
        assertTrue(result.isVerified(), result.reason());
        assertEquals(Optional.of(algorithm.httpName()), result.algorithm());
        assertEquals(List.of("@method", "@target-uri", "content-digest", "content-type"), result.coveredComponents());
    }

    @Test
    @DisplayName("a GET covers only @method and @target-uri and verifies")
    void get() throws Exception {
        SignedRequestParts get = SignedRequestParts.withoutBody("GET", URI.create("https://social.example/users/anna"), Map.of());
        SignedRequestParts signed = signed(get, SignatureAlgorithm.ED25519, NOW);
        assertEquals(Optional.empty(), signed.firstHeader("content-digest"));
        assertTrue(VERIFIER.verify(signed, RecordingResolver.of(edKey), NOW).isVerified());
    }

    @Test
    @DisplayName("nonce and tag parameters are signed and reported")
    void nonceAndTag() throws Exception {
        SignedRequestParts request = post().withHeaders(Map.of("Content-Digest", ContentDigest.sha256(post().body())));
        SignatureParams params = SignatureParams.of(List.of("@method", "@target-uri", "content-digest"), NOW, KEY_ID,
                SignatureAlgorithm.ED25519).with("nonce", "n-0815").with("tag", "allmende").with("expires", NOW.getEpochSecond() + 60);
        SignedRequestParts signed = request.withHeaders(Rfc9421Signer.sign(request, "fed", params, edSigner));
        SignatureParams parsed = SignatureParams.fromInnerList((StructuredFields.InnerList)
                StructuredFieldParser.parseDictionary(signed.firstHeader("signature-input").orElseThrow()).get("fed"));
        assertEquals(Optional.of("n-0815"), parsed.nonce());
        assertEquals(Optional.of("allmende"), parsed.tag());
        assertTrue(VERIFIER.verify(signed, RecordingResolver.of(edKey), NOW).isVerified());
    }

    @Nested
    @DisplayName("rejections")
    class Rejections {
        @Test
        @DisplayName("a tampered body no longer matches Content-Digest")
        void tamperedBody() throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.ED25519, NOW);
            SignedRequestParts tampered = new SignedRequestParts(s.method(), s.target(), s.headers(), "{}".getBytes(StandardCharsets.UTF_8));
            VerificationResult result = VERIFIER.verify(tampered, RecordingResolver.of(edKey), NOW);
            assertEquals("Content-Digest does not match body", result.reason());
            assertEquals(Outcome.INVALID, result.outcome());
        }

        @Test
        @DisplayName("the wrong key, or a key of the wrong type for alg, is INVALID")
        void wrongKey() throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.RSA_V1_5_SHA256, NOW);
            assertEquals("signature does not verify", VERIFIER.verify(s, RecordingResolver.of(otherRsaKey), NOW).reason());
            assertEquals("alg does not match key", VERIFIER.verify(s, RecordingResolver.of(edKey), NOW).reason());
        }

        @Test
        @DisplayName("created 2 hours in the future or 70 minutes ago is EXPIRED; 60 minutes ago is fine")
        void timeWindow() throws Exception {
            RecordingResolver resolver = RecordingResolver.of(edKey);
            assertEquals(Outcome.EXPIRED, VERIFIER.verify(signed(post(), SignatureAlgorithm.ED25519,
                    NOW.plus(Duration.ofHours(2))), resolver, NOW).outcome());
            assertEquals(Outcome.EXPIRED, VERIFIER.verify(signed(post(), SignatureAlgorithm.ED25519,
                    NOW.minus(Duration.ofMinutes(70))), resolver, NOW).outcome());
            assertTrue(VERIFIER.verify(signed(post(), SignatureAlgorithm.ED25519,
                    NOW.minus(Duration.ofMinutes(60))), resolver, NOW).isVerified());
        }

        @Test
        @DisplayName("a POST whose signature does not cover content-digest is INVALID")
        void postWithoutContentDigest() throws Exception {
            SignatureParams params = SignatureParams.of(List.of("@method", "@target-uri"), NOW, KEY_ID, SignatureAlgorithm.ED25519);
            SignedRequestParts s = post().withHeaders(Rfc9421Signer.sign(post(), "sig1", params, edSigner));
            assertEquals("content-digest must be signed", VERIFIER.verify(s, RecordingResolver.of(edKey), NOW).reason());
        }

        @Test
        @DisplayName("a signature without @target-uri does not meet the federation policy")
        void missingTargetUri() throws Exception {
            SignedRequestParts get = SignedRequestParts.withoutBody("GET", URI.create("https://social.example/a"), Map.of());
            SignatureParams params = SignatureParams.of(List.of("@method", "@path"), NOW, KEY_ID, SignatureAlgorithm.ED25519);
            SignedRequestParts s = get.withHeaders(Rfc9421Signer.sign(get, "sig1", params, edSigner));
            assertEquals("@target-uri must be signed", VERIFIER.verify(s, RecordingResolver.of(edKey), NOW).reason());
        }

        @Test
        @DisplayName("an unknown alg is INVALID; missing created or keyid is INVALID")
        void parameters() throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.ED25519, NOW);
            String input = s.firstHeader("signature-input").orElseThrow();
            RecordingResolver resolver = RecordingResolver.of(edKey);
            assertEquals("unsupported algorithm", VERIFIER.verify(s.withHeaders(Map.of("Signature-Input",
                    input.replace("\"ed25519\"", "\"rsa-pss-sha512\""))), resolver, NOW).reason());
            assertEquals("created parameter required", VERIFIER.verify(s.withHeaders(Map.of("Signature-Input",
                    input.replaceAll(";created=\\d+", ""))), resolver, NOW).reason());
            assertEquals("keyid parameter required", VERIFIER.verify(s.withHeaders(Map.of("Signature-Input",
                    input.replaceAll(";keyid=\"[^\"]+\"", ""))), resolver, NOW).reason());
        }

        @ParameterizedTest(name = "MALFORMED: Signature-Input {0}")
        @ValueSource(strings = {"sig1=(\"@method\"", "sig1=\"@method\"", "sig1=(@method);created=1", "other=();created=1",
            "sig1=();created=\"yesterday\";keyid=\"k\""})
        void malformedInput(String input) throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.ED25519, NOW).withHeaders(Map.of("Signature-Input", input));
            VerificationResult result = VERIFIER.verify(s, RecordingResolver.of(edKey), NOW);
            assertEquals(Outcome.MALFORMED, result.outcome(), result.reason());
            assertEquals(400, result.httpStatus());
        }

        @Test
        @DisplayName("Signature-Input without Signature, or a Signature that is no byte sequence, is MALFORMED")
        void malformedSignature() throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.ED25519, NOW);
            Map<String, List<String>> headers = new HashMap<>(s.headers());
            headers.remove("Signature");
            SignedRequestParts noSignature = new SignedRequestParts(s.method(), s.target(), headers, s.body());
            assertEquals(Outcome.MALFORMED, VERIFIER.verify(noSignature, RecordingResolver.of(edKey), NOW).outcome());
            assertEquals(Outcome.MALFORMED, VERIFIER.verify(s.withHeaders(Map.of("Signature", "sig1=\"abc\"")),
                    RecordingResolver.of(edKey), NOW).outcome());
        }

        @Test
        @DisplayName("covering an unsupported derived component or component parameter is INVALID")
        void unsupportedComponents() throws Exception {
            SignedRequestParts s = signed(post(), SignatureAlgorithm.ED25519, NOW);
            String input = s.firstHeader("signature-input").orElseThrow();
            assertEquals("unsupported derived component", VERIFIER.verify(s.withHeaders(Map.of("Signature-Input",
                    input.replace("\"content-type\"", "\"content-type\" \"@status\""))), RecordingResolver.of(edKey), NOW).reason());
            assertEquals("component parameters not supported", VERIFIER.verify(s.withHeaders(Map.of("Signature-Input",
                    input.replace("\"content-type\"", "\"content-type\";sf"))), RecordingResolver.of(edKey), NOW).reason());
        }

        @Test
        @DisplayName("signing refuses to cover a header the request does not have")
        void signingMissingHeader() {
            SignatureParams params = SignatureParams.of(List.of("@method", "digest"), NOW, KEY_ID, SignatureAlgorithm.ED25519);
            assertThrows(IllegalArgumentException.class, () -> Rfc9421Signer.sign(post(), "sig1", params, edSigner));
        }
    }
}
