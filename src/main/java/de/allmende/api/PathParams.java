package de.allmende.api;

import de.allmende.domain.MunicipalityInput;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path parameters that name things. Every handler reads its parameters here, never with
 * {@code ctx.pathParam}: a value that cannot name anything (a NUL, a space, an escape, a slash, 10,000
 * characters) is a 404 like one that names nothing, decided before any database access.
 */
public final class PathParams {
    /** Ids this node mints (UUIDs) and any other id made of RFC 3986 unreserved characters. */
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");

    private PathParams() {}

    /** A municipality's handle ({@code :handle}), well-formed as {@link MunicipalityInput} requires. */
    public static String handle(RoutingContext ctx) {
        String handle = ctx.pathParam("handle");
        if (!MunicipalityInput.isWellFormedHandle(handle)) throw ApiException.notFound("no such actor");
        return handle;
    }

    /** The id of a local object or activity ({@code :id}). */
    public static String localId(RoutingContext ctx, String notFoundMessage) {
        String id = ctx.pathParam("id");
        if (id == null || !LOCAL_ID.matcher(id).matches()) throw ApiException.notFound(notFoundMessage);
        return id;
    }

    public static UUID uuid(RoutingContext ctx, String name, String notFoundMessage) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound(notFoundMessage);
        }
    }
}
