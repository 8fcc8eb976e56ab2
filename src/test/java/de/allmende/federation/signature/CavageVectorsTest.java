package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import de.allmende.crypto.Pem;
import de.allmende.federation.signature.CavageSigningString.RequestTargetForm;

/**
 * draft-cavage-http-signatures-12, Appendix C. The appendix itself warns its vectors are "old
 * and possibly wrong"; C.1 and C.2 verify as printed, C.3 only with the header list that matches
 * its printed signing string (see the C.3 tests).
 */
@DisplayName("draft-cavage-12 Appendix C test values")
class CavageVectorsTest {

    private static final Instant DATE = Instant.parse("2014-01-05T21:31:40Z");
    // The vectors predate Mastodon's coverage rules, so only the crypto and parsing are checked.
    private static final CavageVerifier VECTOR_VERIFIER =
            new CavageVerifier(new CavageVerifier.Policy(SignatureWindow.MASTODON, CavageVerifier.Coverage.SIGNATURE_ONLY));

    private static PublicKey testKey;
    private static SignedRequestParts request;

    @BeforeAll
    static void loadVectors() throws Exception {
        testKey = Pem.decodePublicKey(TestVectors.text("cavage12/test-key.pem"));
        request = TestVectors.request("cavage12/test-request.http");
    }

    private static KeyResolver resolver() {
        return (keyId, freshness) -> keyId.equals("Test") ? Optional.of(testKey) : Optional.empty();
    }

    private static SignedRequestParts with(String headerName, String value) {
        return request.withHeaders(Map.of(headerName, value));
    }

    private static String headerLine(String file, String name) {
        return TestVectors.headerLines(List.of(TestVectors.text(file).strip().split("\n"))).get(name).getFirst();
    }

    @Test
    @DisplayName("the draft's 'Test' key is a 1024-bit RSA key, which verification still accepts")
    void testKeyIs1024Bit() {
        assertEquals(1024, ((RSAPublicKey) testKey).getModulus().bitLength());
    }

    @Test
    @DisplayName("C.1 default test: signing string covers only date")
    void defaultTestSigningString() throws Exception {
        CavageSignatureHeader header = CavageSignatureHeader.parse(headerLine("cavage12/c1-default-headers.txt", "Signature"));
        assertEquals(List.of("date"), header.coveredHeaders());
        assertEquals(TestVectors.text("cavage12/c1-default-signing-string.txt"),
                CavageSigningString.build(request, header, RequestTargetForm.WITH_QUERY));
    }

    @Test
    @DisplayName("C.1 default test verifies via the Signature header")
    void defaultTestViaSignatureHeader() {
        SignedRequestParts signed = with("Signature", headerLine("cavage12/c1-default-headers.txt", "Signature"));
        VerificationResult result = VECTOR_VERIFIER.verify(signed, resolver(), DATE);
        assertTrue(result.isVerified(), result.reason());
        assertEquals(Optional.of("Test"), result.keyId());
    }

    @Test
    @DisplayName("C.1 default test verifies via Authorization: Signature")
    void defaultTestViaAuthorizationHeader() {
        SignedRequestParts signed = with("Authorization", headerLine("cavage12/c1-default-headers.txt", "Authorization"));
        assertTrue(VECTOR_VERIFIER.verify(signed, resolver(), DATE).isVerified());
    }

    @Test
    @DisplayName("C.2 basic test: signing string and signature over (request-target) host date")
    void basicTest() throws Exception {
        String authorization = headerLine("cavage12/c2-basic-headers.txt", "Authorization");
        CavageSignatureHeader header = CavageSignatureHeader.parse(authorization);
        assertEquals(TestVectors.text("cavage12/c2-basic-signing-string.txt"),
                CavageSigningString.build(request, header, RequestTargetForm.WITH_QUERY));
        VerificationResult result = VECTOR_VERIFIER.verify(with("Authorization", authorization), resolver(), DATE);
        assertTrue(result.isVerified(), result.reason());
        assertEquals(List.of("(request-target)", "host", "date"), result.coveredComponents());
    }

    @Test
    @DisplayName("C.3 as printed is refused: (created)/(expires) are not allowed with rsa-sha256")
    void allHeadersTestAsPrintedIsRejected() {
        SignedRequestParts signed = with("Signature", headerLine("cavage12/c3-all-headers-headers.txt", "Signature"));
        VerificationResult result = VECTOR_VERIFIER.verify(signed, resolver(), DATE);
        assertEquals(VerificationResult.Outcome.INVALID, result.outcome());
        assertEquals("(created)/(expires) require hs2019", result.reason());
    }

    @Test
    @DisplayName("C.3 signature verifies over its printed signing string, digest included")
    void allHeadersTestSignatureMatchesPrintedSigningString() throws Exception {
        CavageSignatureHeader printed = CavageSignatureHeader.parse(headerLine("cavage12/c3-all-headers-headers.txt", "Signature"));
        List<String> printedLines = List.of("(request-target)", "host", "date", "content-type", "digest", "content-length");
        CavageSignatureHeader consistent = new CavageSignatureHeader(printed.keyId(), printed.algorithm(),
                Optional.of(printedLines), printed.signature(), Optional.empty(), Optional.empty());
        assertEquals(TestVectors.text("cavage12/c3-all-headers-signing-string.txt"),
                CavageSigningString.build(request, consistent, RequestTargetForm.WITH_QUERY));

        VerificationResult result = VECTOR_VERIFIER.verify(with("Signature", consistent.toHeaderValue()), resolver(), DATE);
        assertTrue(result.isVerified(), result.reason());
    }

    @Test
    @DisplayName("the request's Digest header is the SHA-256 of its body")
    void digestOfTestRequest() {
        assertEquals(request.firstHeader("digest").orElseThrow(), DigestHeader.sha256(request.body()));
    }
}
