package de.allmende.api;

import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/** Path parameters that name things: one that cannot name anything is a 404, like one that names nothing. */
public final class PathParams {
    private PathParams() {}

    public static UUID uuid(RoutingContext ctx, String name, String notFoundMessage) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound(notFoundMessage);
        }
    }
}
