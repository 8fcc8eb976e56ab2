package de.allmende.route;

/** Who may use a route; the router puts the matching guard in front of each route's handler. */
public enum Access {
    /** Anyone, also in authorized-fetch mode: discovery, feeds, icons, uploaded files, the instance actor (FEP-2677). */
    PUBLIC,
    /** ActivityStreams JSON only: in authorized-fetch mode, a GET signed by an actor that is not blocked. */
    SIGNED_FETCH,
    /**
     * One IRI, two faces: the HTML page a browser gets is public; the ActivityStreams JSON a server
     * gets is {@link #SIGNED_FETCH}. The handler's content negotiation decides which one a request gets.
     */
    PAGE_OR_SIGNED_FETCH,
    /** Inbox POSTs: their HTTP signatures are the inbox pipeline's to check. */
    SIGNED_DELIVERY,
    /** The staff API: a bearer token with the route's scope. */
    STAFF,
    /**
     * Mastodon's client API: an OAuth bearer token with one of the route's {@link ClientScopes}; some
     * routes need a person behind the token.
     */
    CLIENT,
    /** Operators: the metrics token, when the operator set one. */
    OPERATOR;

    /** The routes authorized-fetch mode guards. */
    public boolean needsSignedFetch() {
        return this == SIGNED_FETCH || this == PAGE_OR_SIGNED_FETCH;
    }
}
