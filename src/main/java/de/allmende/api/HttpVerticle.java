package de.allmende.api;

import de.allmende.Services;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import de.allmende.api.server.ConnectionGuard;
import de.allmende.api.server.OnVirtualThread;
import de.allmende.config.HttpLimits;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;

/**
 * The HTTP face of a node. Deployed as several event-loop instances sharing one port: route handlers are
 * plain sequential code on a virtual thread per request and may block on JDBC ({@link OnVirtualThread});
 * kept documents, refusals, 404s and liveness are answered on the event loop.
 */
public final class HttpVerticle extends VerticleBase {
    private final Services s;
    private final HttpHandlers handlers;
    private final ConnectionGuard guard;
    private final int port;
    private HttpServer server;

    public HttpVerticle(Services services, HttpHandlers handlers, ConnectionGuard guard, int port) {
        this.s = services;
        this.handlers = handlers;
        this.guard = guard;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router router = router(vertx, handlers);
        HttpLimits limits = guard.limits();
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
                .setHost(s.config.httpHost()).setPort(port)
                .setIdleTimeout((int) limits.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxHeaderSize(limits.maxHeaderSize())
                // Browsers' streaming clients send the token as the WebSocket subprotocol and expect it echoed: accept any
                // (the token itself is checked before the upgrade).
                .setWebSocketSubProtocols(java.util.List.of("*"))
                // No per-message deflate: its zlib state costs some 300 KB of native memory per open socket (2,000 streams
                // would hold 600 MB), for small JSON events; Mastodon's streaming server leaves it off too.
                .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
                // h2c detection would hold a new connection unseen until its first bytes arrive
                .setHttp2ClearTextEnabled(false));
        server.connectionHandler(guard::onConnection);
        return server.requestHandler(request -> {
            guard.onRequest(request);
            router.handle(request);
        }).listen();
    }

    public int actualPort() {
        return server.actualPort();
    }

    /** The node's routes; public so tests can hold the staff API's routes against its OpenAPI document. */
    public static Router router(Vertx vertx, HttpHandlers h) {
        return NodeRouter.build(Router.router(vertx), h, new OnVirtualThread((io.vertx.core.internal.VertxInternal) vertx));
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
