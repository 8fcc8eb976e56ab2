package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.Responses;
import de.allmende.domain.oauth.OAuthApp;
import de.allmende.domain.oauth.RegisteredApp;
import de.allmende.service.oauth.OAuthApps;
import de.allmende.service.push.VapidKey;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * {@code POST /api/v1/apps} and {@code GET /api/v1/apps/verify_credentials}, answering Mastodon's
 * CredentialApplication and Application entities. {@code vapid_key} (required by the entity, deprecated) is the node's
 * Web Push key, as in the instance.
 */
public final class AppsHandler {
    private final OAuthApps apps;
    private final VapidKey vapid;

    AppsHandler(OAuthApps apps, VapidKey vapid) {
        this.apps = apps;
        this.vapid = vapid;
    }

    public void create(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        List<String> redirects = p.list("redirect_uris");
        RegisteredApp registered = apps.register(p.get("client_name"), redirects, p.get("scopes"), p.get("website"));
        ObjectNode body = application(registered.app(), vapid.publicKey())
                .put("client_id", registered.app().clientId())
                .put("client_secret", registered.clientSecret())
                .put("client_secret_expires_at", 0);
        OAuthAnswers.json(ctx, 200, body);
    }

    public void verifyCredentials(RoutingContext ctx) {
        OAuthAnswers.json(ctx, 200, application(ClientAuth.grant(ctx).app(), vapid.publicKey()));
    }

    static ObjectNode application(OAuthApp app, String vapidKey) {
        ObjectNode body = Responses.JSON.createObjectNode().put("id", String.valueOf(app.id())).put("name", app.name())
                .put("website", app.website().orElse(null));
        ArrayNode scopes = body.putArray("scopes");
        app.scopes().list().forEach(scopes::add);
        body.put("redirect_uri", String.join("\n", app.redirectUris()));
        ArrayNode redirects = body.putArray("redirect_uris");
        app.redirectUris().forEach(redirects::add);
        body.put("vapid_key", vapidKey);
        return body;
    }
}
