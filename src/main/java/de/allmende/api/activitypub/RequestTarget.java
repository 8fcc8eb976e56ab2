package de.allmende.api.activitypub;

import de.allmende.federation.iri.Iris;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/** The request's target URI as the client saw it, which HTTP signatures cover. */
final class RequestTarget {
    private RequestTarget() {}

    /**
     * Our public scheme, the Host the client sent, the raw path and query.
     *
     * @throws ApiException 400 if Host or request target do not form a valid URI (e.g. {@code ?q=%%})
     */
    static URI of(RoutingContext ctx, Iris iris) {
        String host = ctx.request().getHeader("Host");
        try {
            return new URI(iris.base().getScheme() + "://" + (host == null ? iris.base().getRawAuthority() : host) + ctx.request().uri());
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("invalid request target or Host");
        }
    }
}
