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
    private static final String FORM_TARGET = "allmende.csp.form-target";
    /** A CSP source expression: a scheme ({@code com.example.app:}) or a scheme with host and port. */
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(//[A-Za-z0-9.:\\[\\]-]+)?");

    /**
     * Lets the forms of this page lead to {@code target} as well: browsers apply form-action to the redirect
     * that follows a form, and the OAuth consent form redirects to the app (a custom scheme or another site).
     */
    public static void allowFormTarget(RoutingContext ctx, java.net.URI target) {
        String scheme = target.getScheme();
        if (scheme == null) return;
        boolean web = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
        String source = web && target.getRawAuthority() != null ? scheme + "://" + target.getRawAuthority() : scheme + ":";
        if (SOURCE.matcher(source).matches()) ctx.put(FORM_TARGET, source);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            String type = headers.get("Content-Type");
            if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
                String target = ctx.get(FORM_TARGET);
                headers.set("Content-Security-Policy", target == null ? CONTENT_SECURITY_POLICY
                        : CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + target));
                headers.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers without CSP 2
                headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            }
        });
        ctx.next();
    }
}
