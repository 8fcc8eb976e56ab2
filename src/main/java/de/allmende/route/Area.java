package de.allmende.route;

/**
 * Where a route lives. An area with a prefix may have handlers for every path below it, also paths
 * no route claims (CORS for discovery; the staff API's bearer token, so unknown staff paths answer 401).
 */
public enum Area {
    /** RFC 8615 well-known URIs: open to scripts on any origin. */
    WELL_KNOWN("/.well-known"),
    /** Everything servers and browsers fetch: actors, collections, objects, feeds, pages, files. */
    NODE(""),
    /** The staff API, beside the Mastodon client API's {@code /api/v1} and {@code /api/v2}. */
    STAFF_API("/api/allmende/v1"),
    /** Mastodon's client API ({@code /api/v1}, {@code /api/v2}): open to scripts on any origin (CORS), as web apps need. */
    CLIENT_API("/api"),
    /** OAuth 2 as Mastodon speaks it: the login and consent page, token, revocation, userinfo. */
    OAUTH("/oauth"),
    /** Pages for a person's own login: choosing a password. */
    ACCOUNTS("/auth"),
    OPERATIONS("");

    private final String prefix;

    Area(String prefix) {
        this.prefix = prefix;
    }

    /** The path every route of the area starts with; empty for areas without one. */
    public String prefix() {
        return prefix;
    }
}
