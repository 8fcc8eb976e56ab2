package de.allmende.domain.oauth;

/** A freshly registered app with its client secret, shown once. */
public record RegisteredApp(OAuthApp app, String clientSecret) {
    @Override
    public String toString() {
        return "RegisteredApp[" + app.clientId() + "]";
    }
}
