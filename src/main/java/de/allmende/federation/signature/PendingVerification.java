package de.allmende.federation.signature;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature that passed all key-independent checks and now needs the signer's public key.
 */
public final class PendingVerification implements Precheck {

    /** Checks the signature with one key; returns the algorithm name that verified it. */
    @FunctionalInterface
    interface KeyCheck {
        String verify(PublicKey key) throws SignatureException;
    }

    private final String keyId;
    private final List<String> covered;
    private final KeyCheck check;

    PendingVerification(String keyId, List<String> covered, KeyCheck check) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.covered = List.copyOf(covered);
        this.check = Objects.requireNonNull(check, "check");
    }

    /** The key id the signer named; resolve it to a key and pass that to {@link #verifyWith}. */
    public String keyId() {
        return keyId;
    }

    /** Verifies the signature with exactly this key. */
    public VerificationResult verifyWith(PublicKey key) {
        Objects.requireNonNull(key, "key");
        try {
            String algorithm = check.verify(key);
            return VerificationResult.verified(keyId, algorithm, covered);
        } catch (SignatureException e) {
            return VerificationResult.failed(e, Optional.of(keyId));
        }
    }

    /**
     * Resolves the key and verifies; if the cached key fails, asks the resolver once more for a
     * refreshed key, because the remote actor may have rotated it since we cached it.
     */
    public VerificationResult verifyWith(KeyResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        Optional<PublicKey> cached = resolver.resolve(keyId, KeyResolver.Freshness.CACHED);
        VerificationResult first = cached.map(this::verifyWith).orElseGet(this::unknownKey);
        if (first.isVerified()) {
            return first;
        }
        Optional<PublicKey> fresh = resolver.resolve(keyId, KeyResolver.Freshness.REFRESHED);
        if (fresh.isEmpty() || fresh.equals(cached)) {
            return first;
        }
        return verifyWith(fresh.get());
    }

    /** The answer when no key can be had for this signature's key id. */
    public VerificationResult unknownKey() {
        return VerificationResult.failed(SignatureException.invalid("key not found"), Optional.of(keyId));
    }
}
