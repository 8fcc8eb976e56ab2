package de.allmende.api.mastodon;

import de.allmende.api.staff.StaffAuth;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.route.ClientScopes;
import de.allmende.service.oauth.OAuthTokens;
import de.allmende.support.ApiException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;


/**
 * The client API's bearer-token guard, answering as Mastodon does: 401 {@code The access token is invalid}
 * (with a Doorkeeper challenge), 403 when the token lacks every scope the route accepts, 422 when the route
 * needs a person and the token is an app's own. Tokens are never logged or echoed.
 */
public final class ClientAuth {
    private static final String GRANT = "allmende.client.grant";
    private static final String INVALID = "The access token is invalid";

    private final OAuthTokens tokens;

    ClientAuth(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    /** The guard for one route's requirement. A security policy to Vert.x: it runs before the route's BodyHandler. */
    public SecurityPolicyHandler require(ClientScopes needed) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            if (!request.isEnded()) request.pause();
            ctx.response().putHeader("Cache-Control", "no-store");
            ClientGrant grant = tokens.authenticate(StaffAuth.bearerToken(request.getHeader("Authorization"))).orElseThrow(() -> {
                ctx.response().putHeader("WWW-Authenticate",
                        "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"" + INVALID + "\"");
                return ApiException.unauthorized(INVALID);
            });
            if (!needed.anyOf().isEmpty() && !grant.scopes().allowsAny(needed.anyOf())) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"insufficient_scope\", scope=\""
                        + String.join(" ", needed.anyOf()) + "\"");
                throw ApiException.forbidden("This action is outside the authorized scopes");
            }
            if (needed.holder() == ClientScopes.Holder.PERSON && grant.user().isEmpty()) {
                throw ApiException.unprocessable("This method requires an authenticated user");
            }
            ctx.put(GRANT, grant);
            // A route that reads a body has a BodyHandler next, which resumes the request itself.
            if (!de.allmende.api.server.OnVirtualThread.carriesBody(request) && !request.isEnded()) request.resume();
            ctx.next();
        };
    }

    /** The grant of a request that passed {@link #require}. */
    public static ClientGrant grant(RoutingContext ctx) {
        ClientGrant grant = ctx.get(GRANT);
        if (grant == null) throw new IllegalStateException("client route without ClientAuth");
        return grant;
    }
}
