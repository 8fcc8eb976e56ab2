package de.allmende.federation.proof;

/**
 * Raised when a proof cannot be created. The message is a short fixed reason, safe to log; it
 * never contains document content or key material.
 */
public final class ProofException extends RuntimeException {

    public ProofException(String reason) {
        super(reason);
    }

    public ProofException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
