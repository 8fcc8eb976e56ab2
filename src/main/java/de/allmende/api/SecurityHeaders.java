package de.allmende.api;

import de.allmende.api.web.Stylesheet;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers, set on every response just before its headers are written, so no page, error or
 * future handler can forget them. Every response: {@code nosniff}. HTML: a Content-Security-Policy that
 * allows no script at all and only the node's own stylesheet (by hash), no framing, no foreign form
 * targets or base URL, and a referrer policy that sends other sites the origin only.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + Stylesheet.PAGES.cspSource()
            + "; img-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            String type = headers.get("Content-Type");
            if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers without CSP 2
                headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            }
        });
        ctx.next();
    }
}
