package de.allmende.api.activitypub;

import de.allmende.federation.iri.Iris;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request as the client signed it: target URI and headers, which HTTP signatures cover. */
final class RequestTarget {
    private RequestTarget() {}

    /**
     * Our public scheme, the Host the client sent, the raw path and query.
     *
     * @throws ApiException 400 if Host or request target do not form a valid URI with an authority (e.g. {@code ?q=%%}, an empty Host)
     */
    static URI of(RoutingContext ctx, Iris iris) {
        String host = ctx.request().getHeader("Host");
        try {
            URI target = new URI(iris.base().getScheme() + "://" + (host == null ? iris.base().getRawAuthority() : host) + ctx.request().uri());
            // An empty Host leaves no authority, which signatures cover ("host", @authority).
            if (target.getRawAuthority() == null || target.getRawAuthority().isBlank()) throw ApiException.badRequest("invalid Host");
            return target;
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("invalid request target or Host");
        }
    }

    /** All request headers by lower-case name, repeated headers kept in order. */
    static Map<String, List<String>> headers(RoutingContext ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(), k -> new ArrayList<>()).add(e.getValue()));
        return headers;
    }
}
