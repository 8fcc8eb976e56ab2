package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.oauth.OAuthScopes;
import de.allmende.federation.iri.Iris;
import de.allmende.route.Route;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** {@code /.well-known/oauth-authorization-server} (RFC 8414), as Mastodon 4.3+ publishes it. */
public final class ServerMetadataHandler implements Handler<RoutingContext> {
    private final String document;

    ServerMetadataHandler(Iris iris) {
        ObjectNode body = Responses.JSON.createObjectNode()
                .put("issuer", iris.base().toString())
                .put("service_documentation", "https://docs.joinmastodon.org/")
                .put("authorization_endpoint", iris.of(Route.OAUTH_AUTHORIZE).toString())
                .put("token_endpoint", iris.of(Route.OAUTH_TOKEN).toString())
                .put("app_registration_endpoint", iris.of(Route.APPS_CREATE).toString())
                .put("revocation_endpoint", iris.of(Route.OAUTH_REVOKE).toString())
                .put("userinfo_endpoint", iris.of(Route.OAUTH_USERINFO).toString());
        array(body, "scopes_supported", OAuthScopes.KNOWN);
        array(body, "response_types_supported", List.of("code"));
        array(body, "response_modes_supported", List.of("query"));
        array(body, "code_challenge_methods_supported", List.of("S256"));
        array(body, "grant_types_supported", List.of("authorization_code", "client_credentials"));
        array(body, "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        this.document = body.toString();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.cacheable(ctx, MediaTypes.JSON, document, 3600);
    }

    private static void array(ObjectNode body, String name, List<String> values) {
        ArrayNode a = body.putArray(name);
        values.forEach(a::add);
    }
}
