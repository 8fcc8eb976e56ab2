package de.allmende.federation.signature;

import java.util.Objects;

/**
 * A signature could not be produced or accepted.
 *
 * <p>The reason is a short constant phrase chosen by this package, never text taken from the
 * request, so it may be sent back to the remote server or written to logs as is.
 */
public final class SignatureException extends Exception {

    private final VerificationResult.Outcome outcome;
    private final String reason;

    SignatureException(VerificationResult.Outcome outcome, String reason) {
        super(reason);
        this.outcome = Objects.requireNonNull(outcome);
        this.reason = Objects.requireNonNull(reason);
    }

    SignatureException(VerificationResult.Outcome outcome, String reason, Throwable cause) {
        super(reason, cause);
        this.outcome = Objects.requireNonNull(outcome);
        this.reason = Objects.requireNonNull(reason);
    }

    static SignatureException malformed(String reason) {
        return new SignatureException(VerificationResult.Outcome.MALFORMED, reason);
    }

    static SignatureException invalid(String reason) {
        return new SignatureException(VerificationResult.Outcome.INVALID, reason);
    }

    static SignatureException expired(String reason) {
        return new SignatureException(VerificationResult.Outcome.EXPIRED, reason);
    }

    /** Which class of failure this is; MALFORMED maps to 400, the rest to 401. */
    public VerificationResult.Outcome outcome() {
        return outcome;
    }

    /** Short reason safe to show to peers. */
    public String reason() {
        return reason;
    }
}
