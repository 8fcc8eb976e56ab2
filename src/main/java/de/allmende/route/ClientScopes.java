package de.allmende.route;

import java.util.List;

/**
 * What a Mastodon client API route asks of an OAuth token: one of several scopes (Mastodon's routes
 * accept any of, e.g. {@code profile}, {@code read} or {@code read:accounts}; none listed: any token),
 * and whether a person must be behind it, or an app's own token (client credentials) will do.
 */
public record ClientScopes(List<String> anyOf, Holder holder) {
    public enum Holder { APP_OR_PERSON, PERSON }

    public ClientScopes {
        anyOf = List.copyOf(anyOf);
    }

    /** Any valid token, the app's own included. */
    public static ClientScopes anyToken() {
        return new ClientScopes(List.of(), Holder.APP_OR_PERSON);
    }

    /** A person's token with one of these scopes. */
    public static ClientScopes person(String... anyOf) {
        return new ClientScopes(List.of(anyOf), Holder.PERSON);
    }

    /** A person's token that may read some stream; each stream then asks its own scope (service.stream.StreamName). */
    public static ClientScopes streaming() {
        return person("read", "read:statuses", "read:notifications");
    }
}
