package de.allmende.domain.oauth;

/**
 * An OAuth 2 error (RFC 6749 §5.2) with the status Mastodon (Doorkeeper) answers it with, rendered as
 * {@code {"error": code, "error_description": description}}.
 */
public final class OAuthError extends RuntimeException {
    private final int status;
    private final String code;

    public OAuthError(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String description() { return getMessage(); }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Client authentication failed due to unknown client, no client authentication"
                + " included, or unsupported authentication method.");
    }

    public static OAuthError invalidGrant() {
        return new OAuthError(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match"
                + " the redirection URI used in the authorization request, or was issued to another client.");
    }

    public static OAuthError invalidScope() {
        return new OAuthError(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
    }

    public static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
    }
}
