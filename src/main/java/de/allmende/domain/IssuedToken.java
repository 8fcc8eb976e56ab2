package de.allmende.domain;

/**
 * A freshly issued token: the only moment its secret exists outside the client. {@link #toString()}
 * leaves the secret out, so the record cannot leak it into a log line by accident.
 */
public record IssuedToken(TokenInfo info, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[id=" + info.id() + ", scopes=" + info.scopes() + "]";
    }
}
