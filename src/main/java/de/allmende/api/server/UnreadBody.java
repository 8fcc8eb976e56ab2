package de.allmende.api.server;

import io.vertx.ext.web.RoutingContext;

/**
 * Answering before a request body was read (413, 401, 403, 503): the connection is closed after the answer
 * instead of reading the rest, so a client cannot push gigabytes after being refused. HTTP/1.1 says so with
 * {@code Connection: close}; the close comes once the answer is written.
 */
public final class UnreadBody {
    private UnreadBody() {}

    public static boolean pending(RoutingContext ctx) {
        return !ctx.request().isEnded();
    }

    /** Ends the response with {@code body}; closes the connection afterwards if the request body is still unread. */
    public static void endClosing(RoutingContext ctx, String body) {
        if (!pending(ctx)) {
            ctx.response().end(body);
            return;
        }
        ctx.request().pause();
        ctx.response().putHeader("Connection", "close");
        var connection = ctx.request().connection();
        ctx.response().end(body).onComplete(done -> connection.close());
    }
}
