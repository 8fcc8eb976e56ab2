package de.allmende.federation.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import de.allmende.federation.signature.CavageSigningString.RequestTargetForm;

/**
 * Verifies draft-cavage-http-signatures-12 request signatures the way Mastodon does, since
 * that dialect is what the fediverse speaks.
 */
public final class CavageVerifier {

    /** Which headers a signature must cover to be accepted. */
    public enum Coverage {
        /**
         * Mastodon's rules: {@code date} or {@code (created)}; {@code (request-target)} or
         * {@code digest}; {@code host} for GET; {@code digest} for POST.
         */
        MASTODON,
        /**
         * No coverage rules; only for checking published test vectors, which predate them.
         * Never use this for inbox traffic: it accepts signatures over almost nothing.
         */
        SIGNATURE_ONLY
    }

    /**
     * @param window accepted time window
     * @param coverage required covered headers
     */
    public record Policy(SignatureWindow window, Coverage coverage) {
        /** What federation endpoints use. */
        public static final Policy MASTODON = new Policy(SignatureWindow.MASTODON, Coverage.MASTODON);

        public Policy {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(coverage, "coverage");
        }
    }

    private final Policy policy;

    public CavageVerifier(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A verifier with {@link Policy#MASTODON}. */
    public static CavageVerifier mastodonCompatible() {
        return new CavageVerifier(Policy.MASTODON);
    }

    /** Runs all checks and resolves the key, retrying once with a refreshed key. */
    public VerificationResult verify(SignedRequestParts request, KeyResolver resolver, Instant now) {
        return switch (prepare(request, now)) {
            case Precheck.Rejected rejected -> rejected.result();
            case PendingVerification pending -> pending.verifyWith(resolver);
        };
    }

    /** Everything that does not need the key: parsing, algorithm, coverage, time, digest. */
    public Precheck prepare(SignedRequestParts request, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        Optional<String> raw = signatureHeader(request);
        if (raw.isEmpty()) {
            return new Precheck.Rejected(VerificationResult.missing());
        }
        CavageSignatureHeader header;
        try {
            header = CavageSignatureHeader.parse(raw.get());
        } catch (SignatureException e) {
            return new Precheck.Rejected(VerificationResult.failed(e, Optional.empty()));
        }
        try {
            return prepare(request, header, now);
        } catch (SignatureException e) {
            return new Precheck.Rejected(VerificationResult.failed(e, Optional.of(header.keyId())));
        }
    }

    /** The Signature header, or the parameters of an {@code Authorization: Signature} header. */
    static Optional<String> signatureHeader(SignedRequestParts request) {
        Optional<String> signature = request.combinedHeader("signature");
        if (signature.isPresent()) {
            return signature;
        }
        return request.combinedHeader("authorization")
                .filter(a -> a.regionMatches(true, 0, "Signature ", 0, 10));
    }

    private Precheck prepare(SignedRequestParts request, CavageSignatureHeader header, Instant now)
            throws SignatureException {
        String algorithm = header.effectiveAlgorithm();
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals(CavageSignatureHeader.DEFAULT_ALGORITHM)) {
            throw SignatureException.invalid("unsupported algorithm");
        }
        List<String> covered = header.coveredHeaders();
        if (policy.coverage() == Coverage.MASTODON) {
            requireMastodonCoverage(request.method(), covered);
        }
        policy.window().check(createdAt(request, header), header.expires().map(Instant::ofEpochSecond), now);
        if (covered.contains("digest")) {
            String digest = request.combinedHeader("digest")
                    .orElseThrow(() -> SignatureException.invalid("Digest header missing"));
            DigestHeader.check(digest, request.rawBody());
        }
        List<byte[]> candidates = new ArrayList<>(2);
        candidates.add(bytes(CavageSigningString.build(request, header, RequestTargetForm.WITH_QUERY)));
        if (covered.contains("(request-target)") && request.target().getRawQuery() != null) {
            candidates.add(bytes(CavageSigningString.build(request, header, RequestTargetForm.PATH_ONLY)));
        }
        byte[] signature = header.signature();
        return new PendingVerification(header.keyId(), covered, key -> {
            // hs2019 leaves the algorithm to the key; in the fediverse that is always RSA-SHA256.
            if (!SignatureAlgorithm.RSA_V1_5_SHA256.matches(key)) {
                throw SignatureException.invalid("key type not supported");
            }
            for (byte[] candidate : candidates) {
                if (SignatureAlgorithm.RSA_V1_5_SHA256.verify(key, candidate, signature)) {
                    return algorithm;
                }
            }
            throw SignatureException.invalid("signature does not verify");
        });
    }

    private static void requireMastodonCoverage(String method, List<String> covered) throws SignatureException {
        if (!covered.contains("date") && !covered.contains("(created)")) {
            throw SignatureException.invalid("date or (created) must be signed");
        }
        if (!covered.contains("(request-target)") && !covered.contains("digest")) {
            throw SignatureException.invalid("(request-target) or digest must be signed");
        }
        if (method.equalsIgnoreCase("GET") && !covered.contains("host")) {
            throw SignatureException.invalid("host must be signed for GET");
        }
        if (method.equalsIgnoreCase("POST") && !covered.contains("digest")) {
            throw SignatureException.invalid("digest must be signed for POST");
        }
    }

    /** hs2019 signatures may carry their own creation time; otherwise the Date header counts. */
    private static Instant createdAt(SignedRequestParts request, CavageSignatureHeader header)
            throws SignatureException {
        if (header.effectiveAlgorithm().equals(CavageSignatureHeader.DEFAULT_ALGORITHM) && header.created().isPresent()) {
            return Instant.ofEpochSecond(header.created().get());
        }
        Optional<String> date = request.firstHeader("date");
        if (date.isEmpty()) {
            throw SignatureException.invalid("no Date header or created parameter");
        }
        return HttpDates.parse(date.get());
    }

    private static byte[] bytes(String signingString) {
        // Header values are ISO-8859-1 on the wire; UTF-8 would change non-ASCII bytes.
        return signingString.getBytes(StandardCharsets.ISO_8859_1);
    }
}
