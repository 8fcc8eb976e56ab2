package de.allmende.service.oauth;

import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthScopes;

import java.util.Optional;

/** A checked {@code /oauth/authorize} request: what the consent page asks the person to allow. */
public record AuthorizationRequest(OAuthApp app, String redirectUri, OAuthScopes scopes, Optional<String> state,
                                   Optional<String> codeChallenge) {
    public boolean isOutOfBand() {
        return redirectUri.equals(OAuthApp.OUT_OF_BAND);
    }
}
