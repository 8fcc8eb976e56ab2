package de.allmende.federation.signature;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Looks up the public key named by a signature's key id.
 *
 * <p>Remote actors rotate keys, so a cached key can be stale. Verifiers therefore call the
 * resolver with {@link Freshness#CACHED} first and, only if that key does not verify the
 * signature, once more with {@link Freshness#REFRESHED}. A resolver backed by an actor cache
 * re-fetches the actor document on the second call; one with static keys can ignore the hint.
 *
 * <p>The resolver runs on the caller's thread. Code on an event loop should not block in here;
 * it can use {@code prepare(...)} on the verifiers, fetch the key asynchronously and then call
 * {@link PendingVerification#verifyWith}.
 */
@FunctionalInterface
public interface KeyResolver {

    /** How hard the resolver should try to get a current key. */
    enum Freshness {
        /** Any known key is fine; fetch only if nothing is known. */
        CACHED,
        /** The cached key failed; bypass caches and fetch the key again. */
        REFRESHED
    }

    /**
     * @param keyId the key id exactly as given in the signature (usually an actor key URI)
     * @return the key (RSA or Ed25519), or empty when it cannot be found or fetched
     */
    Optional<PublicKey> resolve(String keyId, Freshness freshness);
}
