package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.allmende.crypto.Pem;
import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.VerificationResult.Outcome;

/**
 * RFC 9421 examples. Signature bases are reproduced byte for byte for every request example
 * whose components we support; signatures are verified where the algorithm is one of ours
 * (ed25519 in B.2.6 and B.4, rsa-v1_5-sha256 in section 4.3, the only RSASSA-PKCS1 example).
 */
@DisplayName("RFC 9421 test vectors")
class Rfc9421VectorsTest {

    private static final Instant CREATED = Instant.ofEpochSecond(1618884473);
    // The examples do not follow our federation coverage profile; check only what the RFC requires.
    private static final Rfc9421Verifier VECTOR_VERIFIER =
            new Rfc9421Verifier(new Rfc9421Verifier.Policy(SignatureWindow.MASTODON, List.of(), List.of()));

    private static PublicKey ed25519;
    private static PublicKey rsa;
    private static PublicKey rsaPss;
    private static SignedRequestParts testRequest;

    @BeforeAll
    static void load() throws Exception {
        ed25519 = Pem.decodePublicKey(TestVectors.text("rfc9421/test-key-ed25519.pem"));
        rsa = Pem.decodePublicKey(TestVectors.text("rfc9421/test-key-rsa.pem"));
        rsaPss = Pem.decodePublicKey(TestVectors.text("rfc9421/test-key-rsa-pss.pem"));
        testRequest = TestVectors.request("rfc9421/test-request.http");
    }

    private static KeyResolver keys() {
        Map<String, PublicKey> byId = Map.of("test-key-ed25519", ed25519, "test-key-rsa", rsa, "test-key-rsa-pss", rsaPss);
        return (keyId, freshness) -> Optional.ofNullable(byId.get(keyId));
    }

    /** The parameters of one label in a Signature-Input field. */
    private static SignatureParams params(SignedRequestParts request, String label) throws SignatureException {
        var inputs = StructuredFieldParser.parseDictionary(request.combinedHeader("signature-input").orElseThrow());
        return SignatureParams.fromInnerList((InnerList) inputs.get(label));
    }

    @Nested
    @DisplayName("signature bases")
    class Bases {
        @ParameterizedTest(name = "{0} base matches the RFC")
        @ValueSource(strings = {"b21", "b23", "b25", "b26"})
        void appendixB2(String example) throws Exception {
            SignedRequestParts request = TestVectors.withHeaderFile(testRequest, "rfc9421/" + example + "-signature-headers.txt");
            SignatureParams params = params(request, "sig-" + example);
            assertEquals(TestVectors.text("rfc9421/" + example + "-signature-base.txt"), SignatureBase.build(request, params));
        }

        @Test
        @DisplayName("section 2.5 example base matches the RFC")
        void section25() throws Exception {
            SignatureParams params = new SignatureParams(
                    List.of("@method", "@authority", "@path", "content-digest", "content-length", "content-type"),
                    Map.of("created", 1618884473L)).with("keyid", "test-key-rsa-pss");
            assertEquals(TestVectors.text("rfc9421/section-2.5-signature-base.txt"), SignatureBase.build(testRequest, params));
        }

        @Test
        @DisplayName("B.4 transformation example base matches the RFC")
        void transform() throws Exception {
            SignedRequestParts request = TestVectors.request("rfc9421/b4-transform-original.http");
            assertEquals(TestVectors.text("rfc9421/b4-transform-signature-base.txt"),
                    SignatureBase.build(request, params(request, "transform")));
        }

        @Test
        @DisplayName("section 4.3 proxy signature base matches the RFC")
        void proxy() throws Exception {
            SignedRequestParts request = TestVectors.request("rfc9421/section-4.3-signed-request.http");
            assertEquals(TestVectors.text("rfc9421/section-4.3-proxy-signature-base.txt"),
                    SignatureBase.build(request, params(request, "proxy_sig")));
        }

        @ParameterizedTest(name = "{0} Signature-Input re-serializes to the same text")
        @ValueSource(strings = {"b21", "b23", "b25", "b26"})
        void reserialization(String example) throws Exception {
            SignedRequestParts request = TestVectors.withHeaderFile(testRequest, "rfc9421/" + example + "-signature-headers.txt");
            assertEquals(request.combinedHeader("signature-input").orElseThrow(),
                    "sig-" + example + "=" + params(request, "sig-" + example).serialize());
        }
    }

    @Nested
    @DisplayName("B.2.6 ed25519")
    class Ed25519 {
        @Test
        @DisplayName("the published signature verifies with test-key-ed25519")
        void verifies() {
            SignedRequestParts request = TestVectors.withHeaderFile(testRequest, "rfc9421/b26-signature-headers.txt");
            VerificationResult result = VECTOR_VERIFIER.verify(request, keys(), CREATED);
            assertTrue(result.isVerified(), result.reason());
            assertEquals(Optional.of("test-key-ed25519"), result.keyId());
            assertEquals(Optional.of("ed25519"), result.algorithm());
        }

        @Test
        @DisplayName("signing the same parameters with Tink reproduces the signature exactly (Ed25519 is deterministic)")
        void resigns() throws Exception {
            SignedRequestParts published = TestVectors.withHeaderFile(testRequest, "rfc9421/b26-signature-headers.txt");
            var signer = TinkSigners.ed25519(TestVectors.tinkEd25519Key(TestVectors.text("rfc9421/test-key-ed25519.pem")));
            Map<String, String> headers = Rfc9421Signer.sign(testRequest, "sig-b26", params(published, "sig-b26"), signer);
            assertEquals(published.combinedHeader("signature").orElseThrow(), headers.get("Signature"));
            assertEquals(published.combinedHeader("signature-input").orElseThrow(), headers.get("Signature-Input"));
        }

        @Test
        @DisplayName("a changed Content-Type breaks the signature")
        void tampered() {
            SignedRequestParts request = TestVectors.withHeaderFile(testRequest, "rfc9421/b26-signature-headers.txt")
                    .withHeaders(Map.of("Content-Type", "text/plain"));
            assertEquals(Outcome.INVALID, VECTOR_VERIFIER.verify(request, keys(), CREATED).outcome());
        }
    }

    @Nested
    @DisplayName("B.4 message transformations (ed25519)")
    class Transformations {
        @ParameterizedTest(name = "{0}: signature still valid")
        @ValueSource(strings = {"original", "added-query", "collapsed-accept", "reordered"})
        void stillValid(String variant) {
            SignedRequestParts request = TestVectors.request("rfc9421/b4-transform-" + variant + ".http");
            VerificationResult result = VECTOR_VERIFIER.verify(request, keys(), CREATED);
            assertTrue(result.isVerified(), result.reason());
        }

        @ParameterizedTest(name = "{0}: signature no longer valid")
        @ValueSource(strings = {"changed-method-authority", "swapped-accept"})
        void broken(String variant) {
            SignedRequestParts request = TestVectors.request("rfc9421/b4-transform-" + variant + ".http");
            assertEquals(Outcome.INVALID, VECTOR_VERIFIER.verify(request, keys(), CREATED).outcome());
        }
    }

    @Nested
    @DisplayName("section 4.3 proxy signature (rsa-v1_5-sha256, test-key-rsa)")
    class Proxy {
        private final Instant proxyCreated = Instant.ofEpochSecond(1618884480);

        @Test
        @DisplayName("the published proxy_sig verifies, including its sha-512 Content-Digest")
        void verifies() {
            SignedRequestParts request = TestVectors.request("rfc9421/section-4.3-signed-request.http");
            VerificationResult result = VECTOR_VERIFIER.verify(request, "proxy_sig", keys(), proxyCreated);
            assertTrue(result.isVerified(), result.reason());
            assertEquals(Optional.of("rsa-v1_5-sha256"), result.algorithm());
        }

        @Test
        @DisplayName("re-signing with test-key-rsa in Tink gives the published bytes (PKCS#1 v1.5 is deterministic)")
        void resigns() throws Exception {
            SignedRequestParts request = TestVectors.request("rfc9421/section-4.3-signed-request.http");
            var signer = TinkSigners.rsaSha256(TestVectors.tinkRsaKey(TestVectors.text("rfc9421/test-key-rsa.pem")));
            String signature = Rfc9421Signer.sign(request, "proxy_sig", params(request, "proxy_sig"), signer).get("Signature");
            assertEquals("proxy_sig=:" + TestVectors.text("rfc9421/section-4.3-proxy-signature.txt") + ":", signature);
        }

        @Test
        @DisplayName("past expires + 1 h skew the proxy signature is EXPIRED")
        void expires() {
            SignedRequestParts request = TestVectors.request("rfc9421/section-4.3-signed-request.http");
            Instant late = Instant.ofEpochSecond(1618884540).plusSeconds(3601);
            assertEquals(Outcome.EXPIRED, VECTOR_VERIFIER.verify(request, "proxy_sig", keys(), late).outcome());
        }
    }

    @Test
    @DisplayName("B.2.1's rsa-pss-sha512 signature is not mistaken for rsa-v1_5-sha256")
    void rsaPssIsNotAccepted() {
        SignedRequestParts request = TestVectors.withHeaderFile(testRequest, "rfc9421/b21-signature-headers.txt");
        VerificationResult result = VECTOR_VERIFIER.verify(request, keys(), CREATED);
        assertEquals(Outcome.INVALID, result.outcome());
        assertEquals("signature does not verify", result.reason());
    }

    @Test
    @DisplayName("the test request's sha-512 Content-Digest matches its body")
    void contentDigestOfTestRequest() throws Exception {
        ContentDigest.check(testRequest.firstHeader("content-digest").orElseThrow(), testRequest.body());
    }
}
