package de.allmende.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A staff API token as it is listed: everything but the secret, which is never stored. */
public record TokenInfo(
        long id,
        long actorId,
        Set<Scope> scopes,
        String label,
        Instant created,
        Optional<Instant> lastUsed,
        Optional<Instant> revoked) {

    public TokenInfo {
        scopes = Set.copyOf(scopes);
    }

    public boolean isRevoked() {
        return revoked.isPresent();
    }
}
