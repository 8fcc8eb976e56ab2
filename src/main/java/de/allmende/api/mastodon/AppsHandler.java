package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.Responses;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.RegisteredApp;
import de.allmende.service.oauth.OAuthApps;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * {@code POST /api/v1/apps} and {@code GET /api/v1/apps/verify_credentials}, answering Mastodon's
 * CredentialApplication and Application entities. {@code vapid_key} is required by the entity and
 * deprecated; it stays empty until Web Push exists.
 */
public final class AppsHandler {
    private final OAuthApps apps;

    AppsHandler(OAuthApps apps) {
        this.apps = apps;
    }

    public void create(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        List<String> redirects = p.list("redirect_uris");
        RegisteredApp registered = apps.register(p.get("client_name"), redirects, p.get("scopes"), p.get("website"));
        ObjectNode body = application(registered.app())
                .put("client_id", registered.app().clientId())
                .put("client_secret", registered.clientSecret())
                .put("client_secret_expires_at", 0);
        OAuthAnswers.json(ctx, 200, body);
    }

    public void verifyCredentials(RoutingContext ctx) {
        OAuthAnswers.json(ctx, 200, application(ClientAuth.grant(ctx).app()));
    }

    static ObjectNode application(OAuthApp app) {
        ObjectNode body = Responses.JSON.createObjectNode().put("id", String.valueOf(app.id())).put("name", app.name())
                .put("website", app.website().orElse(null));
        ArrayNode scopes = body.putArray("scopes");
        app.scopes().list().forEach(scopes::add);
        body.put("redirect_uri", String.join("\n", app.redirectUris()));
        ArrayNode redirects = body.putArray("redirect_uris");
        app.redirectUris().forEach(redirects::add);
        body.put("vapid_key", "");
        return body;
    }
}
