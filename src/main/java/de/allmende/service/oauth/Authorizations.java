package de.allmende.service.oauth;

import de.allmende.db.Database;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.OAuthError;
import de.allmende.domain.oauth.OAuthScopes;
import de.allmende.domain.people.Membership;
import de.allmende.domain.people.Person;
import de.allmende.store.oauth.OAuthCodeStore;
import de.allmende.support.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorization-code grant's first half: checking an {@code /oauth/authorize} request and, once the
 * person consented, issuing a code bound to the app, the redirect URI, the scopes, the municipality the
 * person chose and the PKCE challenge (S256 only; RFC 7636).
 */
public final class Authorizations {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** base64url of a SHA-256: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Database db;
    private final OAuthApps apps;
    private final OAuthCodeStore codes = new OAuthCodeStore();
    private final Clock clock;

    public Authorizations(Database db, OAuthApps apps, Clock clock) {
        this.db = db;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * The app and its redirect URI, matched exactly against those registered. Failing this, the answer may
     * not go to the redirect URI (RFC 6749 §4.1.2.1): the page shows the error instead.
     */
    public OAuthApp client(String clientId, String redirectUri) {
        OAuthApp app = apps.find(clientId).orElseThrow(OAuthError::invalidClient);
        if (redirectUri == null) {
            if (app.redirectUris().size() != 1) throw OAuthError.invalidRequest("redirect_uri is missing.");
            return app;
        }
        if (!app.allowsRedirect(redirectUri)) {
            throw new OAuthError(400, "invalid_redirect_uri", "The redirect uri included is not valid.");
        }
        return app;
    }

    /** The rest of the request, for a known app and redirect URI; errors here go back to the app's redirect URI. */
    public AuthorizationRequest request(OAuthApp app, String redirectUri, String responseType, String scope, String state,
                                        String codeChallenge, String codeChallengeMethod) {
        String redirect = redirectUri == null ? app.redirectUris().getFirst() : redirectUri;
        if (!"code".equals(responseType)) {
            throw new OAuthError(400, "unsupported_response_type", "The authorization server does not support this response type.");
        }
        OAuthScopes scopes = (scope == null || scope.isBlank() ? Optional.of(OAuthScopes.DEFAULT) : OAuthScopes.parse(scope))
                .filter(s -> !s.isEmpty() && app.scopes().covers(s)).orElseThrow(OAuthError::invalidScope);
        Optional<String> challenge = Optional.ofNullable(codeChallenge).filter(c -> !c.isEmpty());
        if (challenge.isPresent() && (!"S256".equals(codeChallengeMethod) || !S256_CHALLENGE.matcher(challenge.get()).matches())) {
            throw OAuthError.invalidRequest("Only code_challenge_method=S256 with a base64url SHA-256 challenge is supported.");
        }
        if (challenge.isEmpty() && codeChallengeMethod != null && !codeChallengeMethod.isEmpty()) {
            throw OAuthError.invalidRequest("code_challenge is missing.");
        }
        return new AuthorizationRequest(app, redirect, scopes, Optional.ofNullable(state).filter(s -> !s.isEmpty()), challenge);
    }

    /** Issues the code for a consenting person acting as one of their municipalities. */
    public String issueCode(AuthorizationRequest request, Person person, long municipalityId) {
        Membership membership = person.membership(municipalityId)
                .orElseThrow(() -> new OAuthError(403, "access_denied", "You do not act for this municipality."));
        String code = Secrets.random("");
        codes.insert(db.dsl(), Secrets.sha256(code), new OAuthCodeStore.StoredCode(request.app().id(), person.id(),
                membership.municipality().id(), request.redirectUri(), request.scopes(), request.codeChallenge()),
                clock.instant().plus(CODE_LIFETIME));
        return code;
    }
}
