package de.allmende.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** Small helpers so handlers stay one call per response. */
public final class Responses {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    public static void json(RoutingContext ctx, int status, String contentType, JsonNode body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", contentType)
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    public static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", MediaTypes.HTML).end(body);
    }

    /** Public, cacheable discovery documents may be read from any origin (browser clients, CORS). */
    public static void allowAnyOrigin(RoutingContext ctx) {
        ctx.response().putHeader("Access-Control-Allow-Origin", "*");
    }
}
