package de.allmende.api.server;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

import java.util.Set;

/**
 * Runs route handlers that may block (JDBC, awaiting a fetch) on a virtual thread, while the HTTP server
 * itself runs on the event loop: answers that need no blocking (kept documents, refusals, 404s, liveness)
 * are given on the event loop without a thread hop, the rest as sequential code.
 *
 * <p>Each request gets a virtual-thread context of its own, so requests never wait in line behind each
 * other's blocking work (a verticle's one context would run them one at a time); what bounds them is the
 * admission limit for work that waits on other servers and the database pool.
 * Once on a virtual thread, the following handlers run there too ({@code ctx.next()} calls them inline).
 * A handler that continues from an event-loop callback (a BodyHandler when the body has arrived) hops again,
 * onto the same request's context.
 */
public final class OnVirtualThread {
    /** Methods whose body a later handler reads (BodyHandler, StaffAuth, UnreadBody); they resume the request. */
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private static final String CONTEXT = "allmende.request.context";

    /**
     * True if a later handler reads this request's body: POST, PUT and PATCH; and a DELETE that declares one (Mastodon
     * apps send {@code DELETE /api/v1/lists/:id/accounts} with {@code account_ids} in a form or JSON body).
     */
    public static boolean carriesBody(HttpServerRequest request) {
        if (WITH_BODY.contains(request.method())) return true;
        if (request.method() != HttpMethod.DELETE) return false;
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
    }
    private final VertxInternal vertx;

    public OnVirtualThread(VertxInternal vertx) {
        this.vertx = vertx;
    }

    /**
     * The handler, run on a virtual thread, as the same kind of handler to the router (which orders a
     * route's handlers by kind). Body readers and platform handlers never block: they stay as they are.
     */
    public Handler<RoutingContext> wrap(Handler<RoutingContext> handler) {
        if (handler instanceof BodyHandler || handler instanceof PlatformHandler) return handler;
        if (handler instanceof SecurityPolicyHandler) return (SecurityPolicyHandler) ctx -> run(handler, ctx);
        return ctx -> run(handler, ctx);
    }

    private void run(Handler<RoutingContext> handler, RoutingContext ctx) {
        if (Thread.currentThread().isVirtual()) {
            handler.handle(ctx);
            return;
        }
        HttpServerRequest request = ctx.request();
        // Body bytes that arrive on the event loop before the handler set a reader would be lost.
        if (carriesBody(request) && !request.isEnded()) request.pause();
        Context threads = ctx.get(CONTEXT);
        if (threads == null) {
            threads = vertx.createVirtualThreadContext();
            ctx.put(CONTEXT, threads);
        }
        threads.runOnContext(ignored -> {
            try {
                handler.handle(ctx);
            } catch (Throwable t) {
                ctx.fail(t); // as the router does for a handler it calls itself
            }
        });
    }
}
