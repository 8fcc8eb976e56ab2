package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.json.StrictJson;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** The JSON body of a staff API request, read strictly: 415 for another type, 400 for what is not JSON. */
final class StaffJsonBody {
    private StaffJsonBody() {}

    /** The request's JSON; an empty body reads as null, which each caller reports as a missing object. */
    static JsonNode read(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.endsWith("+json")) {
            throw ApiException.ofField(415, "unsupported media type", "body", "send JSON (Content-Type: application/json)");
        }
        try {
            // Vert.x gives no buffer at all (length -1) for an empty body.
            return ctx.body().length() <= 0 ? null : StrictJson.read(ctx.body().buffer().getBytes());
        } catch (StrictJson.Malformed e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
    }
}
