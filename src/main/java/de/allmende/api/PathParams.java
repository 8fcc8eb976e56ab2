package de.allmende.api;

import de.allmende.content.ContentKind;
import de.allmende.route.Param;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/**
 * Path parameters that name things. Every handler reads its parameters here, never with
 * {@code ctx.pathParam}: a value that cannot name anything (a NUL, a space, an escape, a slash, 10,000
 * characters) is a 404 like one that names nothing, decided by the route table's {@link Param}
 * syntax before any database access.
 */
public final class PathParams {
    private PathParams() {}

    /** A municipality's handle ({@code {handle}}). */
    public static String handle(RoutingContext ctx) {
        return value(ctx, Param.HANDLE, "no such actor");
    }

    /** The id of a local object or activity ({@code {id}}). */
    public static String localId(RoutingContext ctx, String notFoundMessage) {
        return value(ctx, Param.LOCAL_ID, notFoundMessage);
    }

    /** An uploaded file's or content item's id ({@code {id}}, a UUID). */
    public static UUID uuid(RoutingContext ctx, String notFoundMessage) {
        return UUID.fromString(value(ctx, Param.UUID_ID, notFoundMessage));
    }

    /** A content kind by its plural ({@code {kind}}). */
    public static ContentKind kind(RoutingContext ctx, String notFoundMessage) {
        return ContentKind.byPlural(value(ctx, Param.KIND, notFoundMessage)).orElseThrow(() -> ApiException.notFound(notFoundMessage));
    }

    public static String value(RoutingContext ctx, Param param, String notFoundMessage) {
        String value = ctx.pathParam(param.name());
        if (!param.accepts(value)) throw ApiException.notFound(notFoundMessage);
        return value;
    }
}
