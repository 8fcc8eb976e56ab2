package de.allmende.api.staff;

import de.allmende.domain.AccessGrant;
import de.allmende.domain.Scope;
import de.allmende.support.ApiException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bearer-token authentication for the staff API (RFC 6750): 401 with a {@code WWW-Authenticate}
 * challenge without a valid token, 403 {@code insufficient_scope} when the token lacks the route's
 * scope. The token itself is never logged or echoed. A security policy to Vert.x, so it runs before a
 * route's scope check and BodyHandler.
 */
public final class StaffAuth implements SecurityPolicyHandler {
    private static final String GRANT = "allmende.staff.grant";
    private static final String REALM = "Bearer realm=\"allmende\"";
    /** Routes with these methods read a body; StaffHandlers gives each a BodyHandler, which resumes the request. */
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final Function<String, Optional<AccessGrant>> tokens;

    /** @param tokens what a presented token may do: the CLI's staff tokens, and apps' OAuth tokens of a person */
    public StaffAuth(Function<String, Optional<AccessGrant>> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // Hold the body (an upload, maybe) until we know who sends it; a refused one is never stored.
        if (!request.isEnded()) request.pause();
        ctx.response().putHeader("Cache-Control", "no-store");
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) throw refuse(ctx, REALM, ApiException.unauthorized("missing bearer token"));
        AccessGrant grant = tokens.apply(token).orElseThrow(() ->
                refuse(ctx, REALM + ", error=\"invalid_token\"", ApiException.unauthorized("invalid_token")));
        ctx.put(GRANT, grant);
        if (!WITH_BODY.contains(request.method()) && !request.isEnded()) request.resume();
        ctx.next();
    }

    /**
     * A route's scope requirement; runs after {@link StaffAuth}. A security policy to Vert.x, so it
     * runs before a route's BodyHandler: a token without the scope gets 403 before an upload is read.
     */
    public static SecurityPolicyHandler require(Scope scope) {
        return ctx -> {
            if (!grant(ctx).allows(scope)) {
                throw refuse(ctx, REALM + ", error=\"insufficient_scope\", scope=\"" + scope.code() + "\"",
                        ApiException.forbidden("insufficient_scope"));
            }
            ctx.next();
        };
    }

    /** Challenges the client; FailureHandler lets a held body drain, unread. */
    private static ApiException refuse(RoutingContext ctx, String challenge, ApiException e) {
        ctx.response().putHeader("WWW-Authenticate", challenge);
        return e;
    }

    /** The grant of an authenticated request. */
    public static AccessGrant grant(RoutingContext ctx) {
        AccessGrant grant = ctx.get(GRANT);
        if (grant == null) throw new IllegalStateException("staff route without StaffAuth");
        return grant;
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), or null. */
    public static String bearerToken(String header) {
        if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return null;
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
