package de.allmende.api.server;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answering before a request body was read (413, 401, 403, 503). The answer says {@code Connection: close};
 * then the node reads and discards what the client is still sending, for at most {@link #LINGER_MILLIS}
 * and {@link #MAX_DISCARDED_BYTES}, and closes. Closing at once would let the kernel answer the unread bytes
 * with a reset, and a client still writing its body would lose our answer with it (RFC 9112 §9.6, the
 * "TCP reset problem"); reading on without a bound would let a client push gigabytes after being refused.
 */
public final class UnreadBody {
    static final long LINGER_MILLIS = 2_000;
    static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    private UnreadBody() {}

    public static boolean pending(RoutingContext ctx) {
        return !ctx.request().isEnded();
    }

    /** Ends the response with {@code body}; if the request body is still unread, lingers briefly and closes. */
    public static void endClosing(RoutingContext ctx, String body) {
        if (!pending(ctx)) {
            ctx.response().end(body);
            return;
        }
        HttpServerRequest request = ctx.request();
        request.pause();
        ctx.response().putHeader("Connection", "close");
        HttpConnection connection = request.connection();
        ctx.response().end(body).onComplete(done -> discardThenClose(ctx, request, connection));
    }

    private static void discardThenClose(RoutingContext ctx, HttpServerRequest request, HttpConnection connection) {
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED_BYTES) connection.close();
        });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(timer);
            connection.close();
        });
        request.exceptionHandler(failure -> connection.close());
        request.resume();
    }
}
