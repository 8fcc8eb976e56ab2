package de.allmende.domain;

import java.util.Set;

/** What an authenticated staff API request may do: act for one municipality within the token's scopes. */
public record AccessGrant(long tokenId, LocalActor actor, Set<Scope> scopes) {
    public AccessGrant {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
