package de.allmende.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a remote object's own FEP-8b32 proof found when the object was stored. A proof that
 * survives relaying keeps an object attributable to its author even when a third node brought it.
 *
 * @param key the verificationMethod the proof names: for {@link Status#VERIFIED} the owner's key that
 *     verified it; for {@link Status#INVALID} the key that failed or is not the owner's (empty if the
 *     proof named none); always empty for {@link Status#ABSENT}
 */
public record ObjectProof(Status status, Optional<String> key) {

    public enum Status {
        /** Signed with a key in the owner's assertionMethod, and unchanged since. */
        VERIFIED,
        /** Carries a proof that does not verify: altered, malformed, or made with someone else's key. */
        INVALID,
        /** Carries no proof. */
        ABSENT;

        /** The value in {@code ap_object.proof_status}. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status ofDbValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public ObjectProof {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(key, "key");
    }

    public static ObjectProof verified(String key) {
        return new ObjectProof(Status.VERIFIED, Optional.of(key));
    }

    public static ObjectProof invalid(String key) {
        return new ObjectProof(Status.INVALID, Optional.ofNullable(key));
    }

    public static ObjectProof absent() {
        return new ObjectProof(Status.ABSENT, Optional.empty());
    }
}
