package de.allmende.domain.oauth;

import de.allmende.domain.LocalActor;
import de.allmende.domain.people.Role;

import java.util.Optional;

/**
 * What a client API request with an OAuth token may do: the app's, and when a person authorized it, act
 * as the municipality they chose, within the granted scopes. A client_credentials token has no user.
 */
public record ClientGrant(long tokenId, OAuthApp app, Optional<User> user, OAuthScopes scopes) {
    /** The person behind a token, the municipality they act as and their role for it. */
    public record User(long personId, String username, LocalActor municipality, Role role) {}
}
