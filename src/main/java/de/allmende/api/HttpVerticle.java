package de.allmende.api;

import de.allmende.Services;
import de.allmende.federation.http.SafeHttpClient;
import io.vertx.ext.web.handler.BodyHandler;
import de.allmende.federation.iri.Iris;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import de.allmende.api.server.ConnectionGuard;
import de.allmende.config.HttpLimits;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;

/**
 * The HTTP face of a node. Deployed as several virtual-thread instances sharing one port: handlers
 * are plain sequential code and may block on JDBC.
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
        Router router = Router.router(vertx);
        routes(router, handlers);
        HttpLimits limits = guard.limits();
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
                .setHost(s.config.httpHost()).setPort(port)
                .setIdleTimeout((int) limits.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxHeaderSize(limits.maxHeaderSize())
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
        return routes(Router.router(vertx), h);
    }

    private static Router routes(Router r, HttpHandlers h) {
        io.micrometer.core.instrument.MeterRegistry registry = io.vertx.micrometer.backends.BackendRegistries.getDefaultNow();
        if (registry != null) r.route().handler(new de.allmende.api.ops.RequestMetrics(registry));
        r.route().handler(new SecurityHeaders()).handler(new RequestGuard()); // before any route with a path matches
        r.route("/.well-known/*").handler(CorsHandler.create().addOrigin("*").allowedMethod(io.vertx.core.http.HttpMethod.GET));

        r.get("/.well-known/webfinger").handler(h.webFinger());
        r.get("/.well-known/host-meta").handler(h.hostMeta());
        r.get("/.well-known/host-meta.json").handler(h.hostMeta());
        r.get("/.well-known/nodeinfo").handler(h.nodeInfo()::discovery);
        r.get("/nodeinfo/2.0").handler(h.nodeInfo()::document20);
        r.get("/nodeinfo/2.1").handler(h.nodeInfo()::document21);

        r.get(Iris.INSTANCE_ACTOR_PATH).handler(h.actors()::instance);
        h.authorizedFetch().ifPresent(authorized -> {
            for (String path : new String[]{"/actors/*", "/objects/*", "/activities/*"}) r.get(path).handler(h.remoteWork()).handler(authorized);
        });
        r.get(Iris.ACTOR_PATH).handler(h.actors()::municipality);
        r.get(Iris.PROFILE_PATH).handler(h.actors()::municipality);
        r.get(Iris.ICON_PATH).handler(h.icons()::handle);
        r.get(Iris.OUTBOX_PATH).handler(h.collections()::outbox);
        r.get(Iris.FOLLOWERS_PATH).handler(h.collections()::followers);
        r.get(Iris.FOLLOWING_PATH).handler(h.collections()::following);
        r.get(Iris.FEATURED_PATH).handler(h.collections()::featured);
        r.get(Iris.LIKED_PATH).handler(h.collections()::liked);
        r.get(Iris.FEED_PATH).handler(h.feeds()::atom);
        r.get(Iris.KIND_FEED_PATH).handler(h.feeds()::kindAtom);
        r.get(Iris.CALENDAR_PATH).handler(h.feeds()::calendar);
        r.get(Iris.OBJECT_PATH).handler(h.objects()::object);
        r.get(Iris.ACTIVITY_PATH).handler(h.objects()::activity);
        r.get(Iris.MEDIA_PATH).handler(h.mediaFiles()::handle);

        // Inboxes: bodies over 1 MB are refused with 413 before any processing.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(SafeHttpClient.MAX_BODY);
        // Signature checks may fetch keys from elsewhere: such requests are admitted up to a limit (503 beyond), after
        // their body arrived, so neither slow bodies nor stalling key servers can fill it for the rest of the node.
        r.post(Iris.INBOX_PATH).handler(body).handler(h.remoteWork()).handler(h.inbox()::personal);
        r.post(Iris.SHARED_INBOX_PATH).handler(body).handler(h.remoteWork()).handler(h.inbox()::shared);
        r.post(Iris.INSTANCE_INBOX_PATH).handler(body).handler(h.remoteWork()).handler(h.inbox()::shared);

        h.staff().mount(r);

        r.get("/health/live").handler(h.health()::live);
        r.get("/health/ready").handler(h.health()::ready);
        r.get("/metrics").handler(h.metrics());

        r.route().failureHandler(h.failures());
        r.route().last().handler(ctx -> ctx.fail(404));
        return r;
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
