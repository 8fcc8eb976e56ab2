package de.allmende.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What an authenticated staff API request may do: act for one municipality within the token's scopes.
 * {@code credential} names the token for the audit trail ({@code staff-token:3}, {@code oauth-token:7});
 * {@code personId} is the person behind it, when a person logged in (OAuth), not for CLI-issued tokens.
 */
public record AccessGrant(long tokenId, LocalActor actor, Set<Scope> scopes, String credential, Optional<Long> personId) {
    public AccessGrant {
        scopes = Set.copyOf(scopes);
    }

    /** A CLI-issued staff token: no person behind it. */
    public AccessGrant(long tokenId, LocalActor actor, Set<Scope> scopes) {
        this(tokenId, actor, scopes, "staff-token:" + tokenId, Optional.empty());
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
