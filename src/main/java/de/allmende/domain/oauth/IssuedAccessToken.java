package de.allmende.domain.oauth;

import java.time.Instant;

/** A token just issued at /oauth/token: the only moment its secret exists outside the client. */
public record IssuedAccessToken(String secret, OAuthScopes scopes, Instant created) {
    @Override
    public String toString() {
        return "IssuedAccessToken[scopes=" + scopes + "]";
    }
}
