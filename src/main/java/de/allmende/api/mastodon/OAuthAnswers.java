package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.domain.oauth.OAuthError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.stream.Collectors;

/** How the OAuth and app endpoints answer: JSON never cached, errors in Mastodon's shapes. */
final class OAuthAnswers {
    private OAuthAnswers() {}

    static void json(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
        Responses.json(ctx, status, MediaTypes.JSON, body);
    }

    /** RFC 6749 §5.2: {@code {"error", "error_description"}}; 401 for client authentication asks for it (basic). */
    static void error(RoutingContext ctx, OAuthError e) {
        if (e.status() == 401) ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Doorkeeper\"");
        json(ctx, e.status(), Responses.JSON.createObjectNode().put("error", e.code()).put("error_description", e.description()));
    }

    /** Mastodon's validation answer: 422 {@code {"error": "Validation failed: …"}}. */
    static void invalid(RoutingContext ctx, ValidationException e) {
        String text = e.errors().stream().map(OAuthAnswers::sentence).collect(Collectors.joining(", "));
        json(ctx, 422, Responses.JSON.createObjectNode().put("error", "Validation failed: " + text));
    }

    /** Runs an endpoint, answering OAuth errors and validation failures in Mastodon's shapes. */
    static Handler<RoutingContext> answering(Handler<RoutingContext> endpoint) {
        return ctx -> {
            try {
                endpoint.handle(ctx);
            } catch (OAuthError e) {
                error(ctx, e);
            } catch (ValidationException e) {
                invalid(ctx, e);
            }
        };
    }

    private static String sentence(FieldError e) {
        return e.field() + " " + e.message();
    }
}
