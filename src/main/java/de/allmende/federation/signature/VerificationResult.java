package de.allmende.federation.signature;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of checking a request signature, shaped so that an HTTP layer can map it to a
 * status code without knowing signature internals.
 *
 * @param outcome what happened
 * @param keyId the key the signature claims, when the header could be read that far; lets the
 *     caller log or resolve actors even on failure
 * @param algorithm the signature algorithm actually used, for VERIFIED results
 * @param coveredComponents what the verified signature covers (header names or derived
 *     components), so callers can apply extra rules; empty unless VERIFIED
 * @param reason a short, fixed English reason that is safe to return to remote peers (it never
 *     echoes attacker-supplied text)
 */
public record VerificationResult(
        Outcome outcome,
        Optional<String> keyId,
        Optional<String> algorithm,
        List<String> coveredComponents,
        String reason) {

    /** Distinguishes the cases that need different HTTP answers. */
    public enum Outcome {
        /** The signature is valid for the resolved key. */
        VERIFIED(200),
        /** No signature header at all; the caller decides whether anonymous access is fine. */
        MISSING(401),
        /** A signature header exists but cannot be parsed: the client sent garbage. */
        MALFORMED(400),
        /** Well formed, but outside the accepted time window. */
        EXPIRED(401),
        /** Well formed and timely, but not acceptable (coverage, digest, key or signature). */
        INVALID(401);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The status code a server should answer with for this outcome. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        coveredComponents = List.copyOf(coveredComponents);
        Objects.requireNonNull(reason, "reason");
    }

    static VerificationResult verified(String keyId, String algorithm, List<String> covered) {
        return new VerificationResult(Outcome.VERIFIED, Optional.of(keyId), Optional.of(algorithm), covered, "verified");
    }

    static VerificationResult missing() {
        return new VerificationResult(Outcome.MISSING, Optional.empty(), Optional.empty(), List.of(), "no signature");
    }

    static VerificationResult failed(SignatureException failure, Optional<String> keyId) {
        return new VerificationResult(failure.outcome(), keyId, Optional.empty(), List.of(), failure.reason());
    }

    /** True only for {@link Outcome#VERIFIED}. */
    public boolean isVerified() {
        return outcome == Outcome.VERIFIED;
    }

    /** Shortcut for {@code outcome().httpStatus()}. */
    public int httpStatus() {
        return outcome.httpStatus();
    }
}
