package de.allmende.api.login;

import de.allmende.support.Secrets;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The login pages' two cookies: the session (its secret; PostgreSQL keeps the hash) and the CSRF token
 * each form echoes in a hidden field (double submit: another site can neither read the cookie nor set it,
 * with the {@code __Host-} prefix under https). Both HttpOnly and SameSite=Lax: the app opens the login
 * page by a top-level navigation, which carries them.
 */
public final class BrowserCookies {
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final boolean secure;
    private final String sessionName;
    private final String csrfName;

    public BrowserCookies(URI publicUrl) {
        this.secure = "https".equalsIgnoreCase(publicUrl.getScheme());
        String prefix = secure ? "__Host-" : "";
        this.sessionName = prefix + "allmende_session";
        this.csrfName = prefix + "allmende_csrf";
    }

    /** The CSRF token for this browser's forms, made and set as a cookie on its first visit. */
    public String csrfToken(RoutingContext ctx) {
        String existing = value(ctx, csrfName);
        if (existing != null) return existing;
        String token = Secrets.random("");
        set(ctx, csrfName, token, -1);
        return token;
    }

    /** True if a posted form carries this browser's CSRF token. */
    public boolean csrfMatches(RoutingContext ctx, String posted) {
        return Secrets.sameSecret(value(ctx, csrfName), posted);
    }

    /** The session secret the browser presents, or null. */
    public String session(RoutingContext ctx) {
        return value(ctx, sessionName);
    }

    public void startSession(RoutingContext ctx, String secret, long maxAgeSeconds) {
        set(ctx, sessionName, secret, maxAgeSeconds);
    }

    private String value(RoutingContext ctx, String name) {
        Cookie c = ctx.request().getCookie(name);
        return c != null && SECRET.matcher(c.getValue()).matches() ? c.getValue() : null;
    }

    private void set(RoutingContext ctx, String name, String value, long maxAgeSeconds) {
        Cookie c = Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.LAX);
        if (maxAgeSeconds > 0) c.setMaxAge(maxAgeSeconds);
        ctx.response().addCookie(c);
    }
}
