package de.allmende.domain.post;

/**
 * Where a post comes from and what vouches for it: written here, or received from another server
 * (with whether an object proof — FEP-8b32 — verified, beyond the HTTP signature of its delivery).
 */
public sealed interface Origin {
    record Local() implements Origin {}

    record Remote(String host, boolean proofVerified) implements Origin {}

    Origin LOCAL = new Local();
}
