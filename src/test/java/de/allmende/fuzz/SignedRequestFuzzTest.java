package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.allmende.crypto.Pem;
import de.allmende.federation.signature.CavageVerifier;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.KeyResolver;
import de.allmende.federation.signature.PendingVerification;
import de.allmende.federation.signature.Precheck;
import de.allmende.federation.signature.Rfc9421Verifier;
import de.allmende.federation.signature.SignatureException;
import de.allmende.federation.signature.SignatureParsing;
import de.allmende.federation.signature.SignatureWindow;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.VerificationResult;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole key-independent verification path ({@link HttpSignatureVerifier#prepare}) and the key check
 * after it, on fuzzed requests: every request ends in a {@link VerificationResult}, never an exception.
 * Besides the federation policy, a verifier without time or coverage rules lets the fuzzer past those
 * early exits into digests, signature bases and the signature check itself.
 */
class SignedRequestFuzzTest {
    private static final Instant VECTOR_TIME = Instant.parse("2021-04-20T02:07:56Z");
    private static final SignatureWindow ANY_TIME =
            new SignatureWindow(Duration.ofDays(365L * 2000), Duration.ofMinutes(5), Duration.ofHours(12));
    private static final HttpSignatureVerifier FEDERATION = HttpSignatureVerifier.federation();
    private static final HttpSignatureVerifier PERMISSIVE = new HttpSignatureVerifier(
            new CavageVerifier(new CavageVerifier.Policy(ANY_TIME, CavageVerifier.Coverage.SIGNATURE_ONLY)),
            new Rfc9421Verifier(new Rfc9421Verifier.Policy(ANY_TIME, List.of(), List.of())));
    /** The published test keys under the key ids the vectors use. */
    private static final Map<String, PublicKey> KEYS = Map.of(
            "Test", key("vectors/cavage12/test-key.pem"),
            "test-key-rsa", key("vectors/rfc9421/test-key-rsa.pem"),
            "test-key-ed25519", key("vectors/rfc9421/test-key-ed25519.pem"));
    private static final KeyResolver RESOLVER = (keyId, freshness) -> Optional.ofNullable(KEYS.get(keyId));

    static Stream<Arguments> verify() {
        String cavage = FuzzSeeds.text("vectors/cavage12/test-request.http");
        String rfc9421 = FuzzSeeds.text("vectors/rfc9421/test-request.http");
        Stream<String> cavageSigned = Stream.of("c1-default", "c2-basic", "c3-all-headers")
                .map(name -> withHeaders(cavage, FuzzSeeds.text("vectors/cavage12/" + name + "-headers.txt")));
        Stream<String> rfc9421Signed = Stream.of("b21", "b23", "b25", "b26")
                .map(name -> withHeaders(rfc9421, FuzzSeeds.text("vectors/rfc9421/" + name + "-signature-headers.txt")));
        Stream<String> complete = Stream.of("b4-transform-original", "b4-transform-reordered", "section-4.3-signed-request")
                .map(name -> FuzzSeeds.text("vectors/rfc9421/" + name + ".http").replaceAll("\n\n+", "\n\n"));
        return Stream.of(cavageSigned, rfc9421Signed, complete).flatMap(s -> s)
                .map(request -> Arguments.of((Object) request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @MethodSource
    @DictionaryEntries({"Signature: ", "Signature-Input: ", "Authorization: Signature ", "Digest: SHA-256=",
            "Content-Digest: sha-256=:", "Date: ", "Host: ", "keyId=\"Test\"", "keyid=\"test-key-ed25519\"",
            "headers=\"", "(request-target)", "\"@target-uri\"", "\"@query\"", ";created=", "hs2019", "GET "})
    @FuzzTest(maxExecutions = 30_000, maxDuration = FuzzBudget.CAP)
    void verify(byte[] input) {
        SignedRequestParts request = FuzzedRequest.read(input);
        check(FEDERATION, request, requestTime(request));
        check(PERMISSIVE, request, VECTOR_TIME);
    }

    private static void check(HttpSignatureVerifier verifier, SignedRequestParts request, Instant now) {
        VerificationResult result = switch (verifier.prepare(request, now)) {
            case Precheck.Rejected rejected -> rejected.result();
            case PendingVerification pending -> pending.verifyWith(RESOLVER);
        };
        int status = result.httpStatus();
        assertTrue(status == 200 || status == 400 || status == 401, () -> "status " + status);
        assertTrue(!result.isVerified() || result.keyId().isPresent(), "a verified signature names its key");
    }

    /** The request's own Date, so the federation policy's time window lets most inputs through. */
    private static Instant requestTime(SignedRequestParts request) {
        try {
            return request.firstHeader("date").isPresent() ? SignatureParsing.httpDate(request.firstHeader("date").get()) : VECTOR_TIME;
        } catch (SignatureException e) {
            return VECTOR_TIME;
        }
    }

    private static String withHeaders(String request, String headerLines) {
        int blank = request.indexOf("\n\n");
        return request.substring(0, blank) + "\n" + headerLines.strip() + request.substring(blank);
    }

    private static PublicKey key(String resource) {
        try {
            return Pem.decodePublicKey(FuzzSeeds.text(resource));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
