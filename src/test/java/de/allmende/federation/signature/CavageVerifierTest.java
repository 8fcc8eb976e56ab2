package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
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

import de.allmende.federation.signature.CavageSigningString.RequestTargetForm;
import de.allmende.federation.signature.TestKeys.RecordingResolver;
import de.allmende.federation.signature.VerificationResult.Outcome;

@DisplayName("draft-cavage verification with Mastodon's rules")
class CavageVerifierTest {

    private static final String KEY_ID = "https://social.example/users/anna#main-key";
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final CavageVerifier VERIFIER = CavageVerifier.mastodonCompatible();

    private static PublicKey key;
    private static PublicKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        key = TestKeys.rsaPublicViaPem(TestKeys.RSA);
        otherKey = TestKeys.rsaPublicViaPem(TestKeys.OTHER_RSA);
    }

    private static SignedRequestParts inboxPost(String uri) {
        return new SignedRequestParts("POST", URI.create(uri),
                Map.of("Content-Type", List.of("application/activity+json")),
                "{\"type\":\"Create\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequestParts signedPost(Instant signedAt) throws Exception {
        SignedRequestParts request = inboxPost("https://allmende.example/inbox");
        return request.withHeaders(CavageSigner.sign(request, KEY_ID, TinkSigners.rsaSha256(TestKeys.RSA), signedAt));
    }

    /** Signs a request with a hand-picked parameter set, for cases our own signer never produces. */
    private static SignedRequestParts signManually(SignedRequestParts request, Optional<String> algorithm,
                                                   List<String> headers, Optional<Long> created,
                                                   Optional<Long> expires, RequestTargetForm form) throws Exception {
        CavageSignatureHeader unsigned = new CavageSignatureHeader(KEY_ID, algorithm, Optional.of(headers),
                new byte[0], created, expires);
        byte[] signature = TinkSigners.rsaSha256(TestKeys.RSA).sign(
                CavageSigningString.build(request, unsigned, form).getBytes(StandardCharsets.ISO_8859_1));
        return request.withHeaders(Map.of("Signature", new CavageSignatureHeader(KEY_ID, algorithm,
                Optional.of(headers), signature, created, expires).toHeaderValue()));
    }

    private static SignedRequestParts withHostDateDigest(SignedRequestParts request, Instant date) {
        return request.withHeaders(Map.of("Host", request.authority(), "Date", HttpDates.format(date),
                "Digest", DigestHeader.sha256(request.body())));
    }

    @Test
    @DisplayName("a freshly signed POST verifies and reports its key id and covered headers")
    void freshPost() throws Exception {
        VerificationResult result = VERIFIER.verify(signedPost(NOW), RecordingResolver.of(key), NOW);
        assertTrue(result.isVerified(), result.reason());
        assertEquals(Optional.of(KEY_ID), result.keyId());
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), result.coveredComponents());
    }

    @Test
    @DisplayName("no Signature header at all is MISSING")
    void missing() {
        VerificationResult result = VERIFIER.verify(inboxPost("https://allmende.example/inbox"), RecordingResolver.of(key), NOW);
        assertEquals(Outcome.MISSING, result.outcome());
    }

    @Nested
    @DisplayName("time window")
    class TimeWindow {
        @ParameterizedTest(name = "Date {0} minutes old is accepted")
        @ValueSource(ints = {0, 5, 60, 65})
        void acceptedAges(int minutes) throws Exception {
            SignedRequestParts request = signedPost(NOW.minus(Duration.ofMinutes(minutes)));
            assertTrue(VERIFIER.verify(request, RecordingResolver.of(key), NOW).isVerified());
        }

        @Test
        @DisplayName("Date 70 minutes old is EXPIRED")
        void seventyMinutesOld() throws Exception {
            VerificationResult result = VERIFIER.verify(signedPost(NOW.minus(Duration.ofMinutes(70))), RecordingResolver.of(key), NOW);
            assertEquals(Outcome.EXPIRED, result.outcome());
            assertEquals(401, result.httpStatus());
            assertEquals(Optional.of(KEY_ID), result.keyId());
        }

        @Test
        @DisplayName("Date 2 hours in the future is EXPIRED, 50 minutes is tolerated as clock skew")
        void future() throws Exception {
            assertEquals(Outcome.EXPIRED,
                    VERIFIER.verify(signedPost(NOW.plus(Duration.ofHours(2))), RecordingResolver.of(key), NOW).outcome());
            assertTrue(VERIFIER.verify(signedPost(NOW.plus(Duration.ofMinutes(50))), RecordingResolver.of(key), NOW).isVerified());
        }

        @Test
        @DisplayName("hs2019 uses (created)/(expires): valid inside, EXPIRED an hour after expires")
        void createdAndExpires() throws Exception {
            SignedRequestParts base = withHostDateDigest(inboxPost("https://allmende.example/inbox"), NOW);
            List<String> headers = List.of("(request-target)", "(created)", "(expires)", "host", "digest");
            long created = NOW.minus(Duration.ofMinutes(30)).getEpochSecond();
            SignedRequestParts shortLived = signManually(base, Optional.of("hs2019"), headers,
                    Optional.of(created), Optional.of(created + 60), RequestTargetForm.WITH_QUERY);
            SignedRequestParts longLived = signManually(base, Optional.empty(), headers,
                    Optional.of(created), Optional.of(created + 3600), RequestTargetForm.WITH_QUERY);

            assertTrue(VERIFIER.verify(shortLived, RecordingResolver.of(key), NOW).isVerified());
            assertEquals(Outcome.EXPIRED, VERIFIER.verify(shortLived, RecordingResolver.of(key),
                    NOW.plus(Duration.ofMinutes(40))).outcome());
            assertTrue(VERIFIER.verify(longLived, RecordingResolver.of(key), NOW.plus(Duration.ofMinutes(80))).isVerified());
        }

        @Test
        @DisplayName("an unparseable Date is INVALID")
        void badDate() throws Exception {
            SignedRequestParts request = signedPost(NOW).withHeaders(Map.of("Date", "yesterday-ish"));
            assertEquals(Outcome.INVALID, VERIFIER.verify(request, RecordingResolver.of(key), NOW).outcome());
        }
    }

    @Nested
    @DisplayName("body digest")
    class BodyDigest {
        @Test
        @DisplayName("a tampered body no longer matches the Digest")
        void tamperedBody() throws Exception {
            SignedRequestParts signed = signedPost(NOW);
            SignedRequestParts tampered = new SignedRequestParts(signed.method(), signed.target(), signed.headers(),
                    "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));
            VerificationResult result = VERIFIER.verify(tampered, RecordingResolver.of(key), NOW);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("Digest does not match body", result.reason());
        }

        @Test
        @DisplayName("a Digest with only SHA-512 is refused, like Mastodon does")
        void onlySha512() throws Exception {
            SignedRequestParts request = signedPost(NOW).withHeaders(Map.of("Digest", "SHA-512=abc="));
            assertEquals("Digest lacks SHA-256", VERIFIER.verify(request, RecordingResolver.of(key), NOW).reason());
        }

        @Test
        @DisplayName("a POST whose signature leaves out digest is INVALID")
        void postWithoutDigestCoverage() throws Exception {
            SignedRequestParts base = withHostDateDigest(inboxPost("https://allmende.example/inbox"), NOW);
            SignedRequestParts signed = signManually(base, Optional.of("rsa-sha256"),
                    List.of("(request-target)", "host", "date"), Optional.empty(), Optional.empty(), RequestTargetForm.WITH_QUERY);
            VerificationResult result = VERIFIER.verify(signed, RecordingResolver.of(key), NOW);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("digest must be signed for POST", result.reason());
        }
    }

    @Nested
    @DisplayName("coverage rules")
    class Coverage {
        private SignedRequestParts get() {
            return SignedRequestParts.withoutBody("GET", URI.create("https://allmende.example/users/rathaus"),
                    Map.of("Host", List.of("allmende.example"), "Date", List.of(HttpDates.format(NOW)),
                            "Accept", List.of("application/activity+json")));
        }

        @Test
        @DisplayName("a GET signed without host is INVALID")
        void getWithoutHost() throws Exception {
            SignedRequestParts signed = signManually(get(), Optional.of("rsa-sha256"),
                    List.of("(request-target)", "date", "accept"), Optional.empty(), Optional.empty(), RequestTargetForm.WITH_QUERY);
            assertEquals("host must be signed for GET", VERIFIER.verify(signed, RecordingResolver.of(key), NOW).reason());
        }

        @Test
        @DisplayName("a GET signed over (request-target) host date verifies")
        void getWithHost() throws Exception {
            SignedRequestParts signed = signManually(get(), Optional.of("rsa-sha256"),
                    List.of("(request-target)", "host", "date"), Optional.empty(), Optional.empty(), RequestTargetForm.WITH_QUERY);
            assertTrue(VERIFIER.verify(signed, RecordingResolver.of(key), NOW).isVerified());
        }

        @Test
        @DisplayName("hs2019 without a headers list covers only (created), which is too little")
        void defaultHs2019Coverage() throws Exception {
            SignedRequestParts request = get().withHeaders(Map.of("Signature",
                    "keyId=\"" + KEY_ID + "\",created=" + NOW.getEpochSecond() + ",signature=\"AAAA\""));
            assertEquals("(request-target) or digest must be signed",
                    VERIFIER.verify(request, RecordingResolver.of(key), NOW).reason());
        }
    }

    @Nested
    @DisplayName("(request-target) and query strings")
    class QueryStrings {
        private final SignedRequestParts request = withHostDateDigest(
                inboxPost("https://allmende.example/inbox?page=2&only=public"), NOW);
        private final List<String> headers = List.of("(request-target)", "host", "date", "digest");

        @Test
        @DisplayName("signed with the query string: verifies")
        void withQuery() throws Exception {
            SignedRequestParts signed = signManually(request, Optional.of("rsa-sha256"), headers,
                    Optional.empty(), Optional.empty(), RequestTargetForm.WITH_QUERY);
            assertTrue(VERIFIER.verify(signed, RecordingResolver.of(key), NOW).isVerified());
        }

        @Test
        @DisplayName("signed without the query string (older Mastodon): still verifies")
        void pathOnly() throws Exception {
            SignedRequestParts signed = signManually(request, Optional.of("rsa-sha256"), headers,
                    Optional.empty(), Optional.empty(), RequestTargetForm.PATH_ONLY);
            assertTrue(VERIFIER.verify(signed, RecordingResolver.of(key), NOW).isVerified());
        }

        @Test
        @DisplayName("signed for a different query string: INVALID")
        void otherQuery() throws Exception {
            SignedRequestParts other = withHostDateDigest(inboxPost("https://allmende.example/inbox?page=3"), NOW);
            SignedRequestParts signedForOther = signManually(other, Optional.of("rsa-sha256"), headers,
                    Optional.empty(), Optional.empty(), RequestTargetForm.WITH_QUERY);
            SignedRequestParts replayed = request.withHeaders(Map.of("Signature", signedForOther.firstHeader("signature").orElseThrow()));
            assertEquals("signature does not verify", VERIFIER.verify(replayed, RecordingResolver.of(key), NOW).reason());
        }
    }

    @Nested
    @DisplayName("malformed and unsupported headers")
    class Malformed {
        @ParameterizedTest(name = "MALFORMED (400): {0}")
        @ValueSource(strings = {
            "garbage",
            "keyId=\"a\"",
            "signature=\"AAAA\"",
            "keyId=\"a\",signature=\"not base64!\"",
            "keyId=\"a\",signature=\"AAAA",
            "keyId=\"a\",keyId=\"b\",signature=\"AAAA\"",
            "keyId=\"a\",created=soon,signature=\"AAAA\"",
            "keyId=\"a\",created=1e999999999,signature=\"AAAA\""
        })
        void malformed(String header) throws Exception {
            SignedRequestParts request = signedPost(NOW).withHeaders(Map.of("Signature", header));
            VerificationResult result = VERIFIER.verify(request, RecordingResolver.of(key), NOW);
            assertEquals(Outcome.MALFORMED, result.outcome(), result.reason());
            assertEquals(400, result.httpStatus());
        }

        @ParameterizedTest(name = "unsupported algorithm {0} is INVALID")
        @ValueSource(strings = {"rsa-sha1", "hmac-sha256", "ed25519", "rsa-sha512"})
        void unknownAlgorithm(String algorithm) throws Exception {
            String header = signedPost(NOW).firstHeader("signature").orElseThrow()
                    .replace("algorithm=\"rsa-sha256\"", "algorithm=\"" + algorithm + "\"");
            VerificationResult result = VERIFIER.verify(signedPost(NOW).withHeaders(Map.of("Signature", header)),
                    RecordingResolver.of(key), NOW);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("unsupported algorithm", result.reason());
        }
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @Test
        @DisplayName("the wrong key is INVALID after one refresh attempt")
        void wrongKey() throws Exception {
            RecordingResolver resolver = RecordingResolver.of(otherKey);
            VerificationResult result = VERIFIER.verify(signedPost(NOW), resolver, NOW);
            assertEquals(Outcome.INVALID, result.outcome());
            assertEquals("signature does not verify", result.reason());
            assertEquals(List.of(KeyResolver.Freshness.CACHED, KeyResolver.Freshness.REFRESHED), resolver.calls);
        }

        @Test
        @DisplayName("a rotated key is picked up by the refresh")
        void rotatedKey() throws Exception {
            RecordingResolver resolver = new RecordingResolver(otherKey, key);
            assertTrue(VERIFIER.verify(signedPost(NOW), resolver, NOW).isVerified());
            assertEquals(List.of(KeyResolver.Freshness.CACHED, KeyResolver.Freshness.REFRESHED), resolver.calls);
        }

        @Test
        @DisplayName("a good cached key needs no refresh")
        void cachedKey() throws Exception {
            RecordingResolver resolver = RecordingResolver.of(key);
            assertTrue(VERIFIER.verify(signedPost(NOW), resolver, NOW).isVerified());
            assertEquals(List.of(KeyResolver.Freshness.CACHED), resolver.calls);
        }

        @Test
        @DisplayName("an unknown key id is INVALID")
        void unknownKey() throws Exception {
            VerificationResult result = VERIFIER.verify(signedPost(NOW), new RecordingResolver(null, null), NOW);
            assertEquals("key not found", result.reason());
        }

        @Test
        @DisplayName("prepare() exposes the key id so the key can be fetched asynchronously")
        void twoPhase() throws Exception {
            PendingVerification pending = assertInstanceOf(PendingVerification.class, VERIFIER.prepare(signedPost(NOW), NOW));
            assertEquals(KEY_ID, pending.keyId());
            assertTrue(pending.verifyWith(key).isVerified());
            assertEquals(Outcome.INVALID, pending.verifyWith(otherKey).outcome());
        }
    }
}
