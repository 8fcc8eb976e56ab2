package de.allmende.federation.proof;

import java.net.URI;
import java.util.Optional;

/** The keys an actor lists in its {@code assertionMethod} (FEP-521a): the only keys FEP-8b32 proofs may use. */
@FunctionalInterface
public interface AssertionKeys {

    /**
     * @return the raw 32-byte Ed25519 key {@code keyId} if {@code owner}'s actor document lists it in
     *     assertionMethod with {@code owner} as controller; empty otherwise, also when it cannot be fetched
     */
    Optional<byte[]> find(String keyId, URI owner);
}
