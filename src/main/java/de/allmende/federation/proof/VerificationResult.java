package de.allmende.federation.proof;

import java.time.Instant;

/**
 * Outcome of checking one integrity proof.
 *
 * <p>Verification failures are results, not exceptions: a bad proof on a remote object is an
 * expected event, and FEP-8b32 asks verifiers to fall back to other authentication then.
 *
 * @param valid whether the signature checked out against the resolved key
 * @param verificationMethod the key id named by the proof, or {@code null} if not readable. A
 *     valid proof only shows that this key signed; whether the key belongs to the object's
 *     owner (FEP-fe34) is for the caller to decide.
 * @param created the proof's {@code created} time, or {@code null} if absent or unreadable
 * @param reason a short fixed failure reason safe to log, or {@code null} when valid
 */
public record VerificationResult(boolean valid, String verificationMethod, Instant created, String reason) {

    static VerificationResult success(String verificationMethod, Instant created) {
        return new VerificationResult(true, verificationMethod, created, null);
    }

    static VerificationResult failure(String reason) {
        return new VerificationResult(false, null, null, reason);
    }

    static VerificationResult failure(String reason, String verificationMethod, Instant created) {
        return new VerificationResult(false, verificationMethod, created, reason);
    }
}
