package de.allmende.federation.signature;

import java.util.Objects;

/**
 * Result of the key-independent part of verification: parsing, coverage rules, time window and
 * body digest. Either the request is already rejected, or it waits for the signer's key.
 *
 * <p>Splitting here lets event-loop code fetch keys asynchronously between the two phases.
 */
public sealed interface Precheck permits Precheck.Rejected, PendingVerification {

    /** The request failed before any key was needed. */
    record Rejected(VerificationResult result) implements Precheck {
        public Rejected {
            Objects.requireNonNull(result, "result");
        }
    }
}
