package de.allmende.federation.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.allmende.federation.signature.StructuredFields.ByteSequence;
import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.StructuredFields.Item;
import de.allmende.federation.signature.StructuredFields.Member;

/**
 * Verifies RFC 9421 HTTP Message Signatures ({@code Signature-Input} + {@code Signature}).
 *
 * <p>Every accepted signature must carry {@code created} (for the time window) and
 * {@code keyid} (to find the key); the policy adds the components that must be covered.
 */
public final class Rfc9421Verifier {

    /**
     * @param window accepted time window
     * @param requiredComponents components every signature must cover
     * @param requiredWithContent components additionally required for requests with content
     */
    public record Policy(SignatureWindow window, List<String> requiredComponents, List<String> requiredWithContent) {
        /** Mastodon's rules: {@code @method} and {@code @target-uri}; {@code content-digest} with content. */
        public static final Policy FEDERATION = new Policy(
                SignatureWindow.MASTODON, List.of("@method", "@target-uri"), List.of("content-digest"));

        public Policy {
            Objects.requireNonNull(window, "window");
            requiredComponents = List.copyOf(requiredComponents);
            requiredWithContent = List.copyOf(requiredWithContent);
        }
    }

    private final Policy policy;

    public Rfc9421Verifier(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Verifies the first signature listed in Signature-Input. */
    public VerificationResult verify(SignedRequestParts request, KeyResolver resolver, Instant now) {
        return finish(prepare(request, Optional.empty(), now), resolver);
    }

    /** Verifies the signature with the given label, e.g. {@code sig1}. */
    public VerificationResult verify(SignedRequestParts request, String label, KeyResolver resolver, Instant now) {
        return finish(prepare(request, Optional.of(label), now), resolver);
    }

    /**
     * Key-independent checks for the signature with the given label, or the first one listed.
     */
    public Precheck prepare(SignedRequestParts request, Optional<String> label, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        Optional<String> input = request.combinedHeader("signature-input");
        if (input.isEmpty()) {
            return new Precheck.Rejected(VerificationResult.missing());
        }
        Optional<String> keyId = Optional.empty();
        try {
            Map<String, Member> inputs = StructuredFieldParser.parseDictionary(input.get());
            Map<String, Member> signatures = StructuredFieldParser.parseDictionary(
                    request.combinedHeader("signature")
                            .orElseThrow(() -> SignatureException.malformed("Signature-Input without Signature")));
            String chosen = label.orElseGet(() -> inputs.keySet().stream()
                    .filter(signatures::containsKey).findFirst().orElse(""));
            if (!(inputs.get(chosen) instanceof InnerList list)) {
                throw SignatureException.malformed("no matching signature label");
            }
            if (!(signatures.get(chosen) instanceof Item item) || !(item.value() instanceof ByteSequence signature)) {
                throw SignatureException.malformed("signature is not a byte sequence");
            }
            SignatureParams params = SignatureParams.fromInnerList(list);
            keyId = params.keyId();
            return prepare(request, params, signature.bytes(), now);
        } catch (SignatureException e) {
            return new Precheck.Rejected(VerificationResult.failed(e, keyId));
        }
    }

    private Precheck prepare(SignedRequestParts request, SignatureParams params, byte[] signature, Instant now)
            throws SignatureException {
        String keyId = params.keyId().orElseThrow(() -> SignatureException.invalid("keyid parameter required"));
        Instant created = params.created().orElseThrow(() -> SignatureException.invalid("created parameter required"));
        Optional<SignatureAlgorithm> declared = Optional.empty();
        if (params.alg().isPresent()) {
            declared = SignatureAlgorithm.fromHttpName(params.alg().get());
            if (declared.isEmpty()) {
                throw SignatureException.invalid("unsupported algorithm");
            }
        }
        List<String> covered = params.components();
        requireCoverage(covered, policy.requiredComponents());
        if (request.expectsContent()) {
            requireCoverage(covered, policy.requiredWithContent());
        }
        policy.window().check(created, params.expires(), now);
        if (covered.contains("content-digest")) {
            String digest = request.combinedHeader("content-digest")
                    .orElseThrow(() -> SignatureException.invalid("Content-Digest header missing"));
            ContentDigest.check(digest, request.rawBody());
        }
        byte[] base = SignatureBase.build(request, params).getBytes(StandardCharsets.US_ASCII);
        Optional<SignatureAlgorithm> algorithm = declared;
        return new PendingVerification(keyId, covered, key -> {
            // Section 3.2 step 6: the key decides when alg is absent; if both speak they must agree.
            SignatureAlgorithm chosen = algorithm.isPresent() ? algorithm.get()
                    : SignatureAlgorithm.forKey(key).orElseThrow(() -> SignatureException.invalid("key type not supported"));
            if (!chosen.matches(key)) {
                throw SignatureException.invalid("alg does not match key");
            }
            if (!chosen.verify(key, base, signature)) {
                throw SignatureException.invalid("signature does not verify");
            }
            return chosen.httpName();
        });
    }

    private static void requireCoverage(List<String> covered, List<String> required) throws SignatureException {
        for (String component : required) {
            if (!covered.contains(component)) {
                // The name comes from our policy, not the request, so it is safe to echo.
                throw SignatureException.invalid(component + " must be signed");
            }
        }
    }

    private static VerificationResult finish(Precheck precheck, KeyResolver resolver) {
        return switch (precheck) {
            case Precheck.Rejected rejected -> rejected.result();
            case PendingVerification pending -> pending.verifyWith(resolver);
        };
    }
}
