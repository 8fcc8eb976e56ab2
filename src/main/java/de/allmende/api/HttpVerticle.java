package de.allmende.api;

import de.allmende.Services;
import de.allmende.api.activitypub.ActorHandler;
import de.allmende.api.activitypub.AuthorizedFetch;
import de.allmende.api.activitypub.CollectionHandler;
import de.allmende.api.activitypub.InboxHandler;
import de.allmende.api.activitypub.ObjectHandler;
import de.allmende.federation.http.SafeHttpClient;
import io.vertx.ext.web.handler.BodyHandler;
import de.allmende.api.ops.HealthHandler;
import de.allmende.api.ops.MetricsHandler;
import de.allmende.api.web.IconHandler;
import de.allmende.api.web.ProfilePage;
import de.allmende.api.wellknown.HostMetaHandler;
import de.allmende.api.wellknown.NodeInfoHandler;
import de.allmende.api.wellknown.WebFingerHandler;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.LocalActorToAs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;

/**
 * The HTTP face of a node. Deployed as several virtual-thread instances sharing one port: handlers
 * are plain sequential code and may block on JDBC.
 */
public final class HttpVerticle extends VerticleBase {
    private final Services s;
    private final int port;
    private HttpServer server;

    public HttpVerticle(Services services, int port) {
        this.s = services;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router router = routes();
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
                .setHost(s.config.httpHost()).setPort(port));
        return server.requestHandler(router).listen();
    }

    public int actualPort() {
        return server.actualPort();
    }

    private Router routes() {
        Iris iris = s.iris;
        Router r = Router.router(vertx);
        io.micrometer.core.instrument.MeterRegistry registry = io.vertx.micrometer.backends.BackendRegistries.getDefaultNow();
        if (registry != null) r.route().handler(new de.allmende.api.ops.RequestMetrics(registry));
        r.route("/.well-known/*").handler(CorsHandler.create().addOrigin("*").allowedMethod(io.vertx.core.http.HttpMethod.GET));

        WebFingerHandler webFinger = new WebFingerHandler(iris, s.actors);
        HostMetaHandler hostMeta = new HostMetaHandler(iris);
        NodeInfoHandler nodeInfo = new NodeInfoHandler(iris, s.nodeInfo, s.config.nodeName());
        r.get("/.well-known/webfinger").handler(webFinger);
        r.get("/.well-known/host-meta").handler(hostMeta);
        r.get("/.well-known/host-meta.json").handler(hostMeta);
        r.get("/.well-known/nodeinfo").handler(nodeInfo::discovery);
        r.get("/nodeinfo/2.0").handler(nodeInfo::document20);
        r.get("/nodeinfo/2.1").handler(nodeInfo::document21);

        ProfilePage page = new ProfilePage(iris, s.config.nodeName());
        ActorHandler actors = new ActorHandler(s.actors, s.keys, new LocalActorToAs(iris), page);
        CollectionHandler collections = new CollectionHandler(s.db, iris, s.actors);
        ObjectHandler objects = new ObjectHandler(s.db, iris);
        InboxHandler inbox = new InboxHandler(s.federation.inbox, s.actors, iris);
        r.get(Iris.INSTANCE_ACTOR_PATH).handler(actors::instance);
        if (s.config.authorizedFetch()) {
            AuthorizedFetch authorized = new AuthorizedFetch(s.federation.resolver, s.federation.moderation, iris, s.clock);
            for (String path : new String[]{"/actors/*", "/objects/*", "/activities/*"}) r.get(path).handler(authorized);
        }
        r.get(Iris.ACTOR_PATH).handler(actors::municipality);
        r.get(Iris.PROFILE_PATH).handler(actors::municipality);
        r.get(Iris.ICON_PATH).handler(new IconHandler(s.actors)::handle);
        r.get(Iris.OUTBOX_PATH).handler(collections::outbox);
        r.get(Iris.FOLLOWERS_PATH).handler(collections::followers);
        r.get(Iris.FOLLOWING_PATH).handler(collections::following);
        r.get(Iris.FEATURED_PATH).handler(collections::featured);
        r.get(Iris.LIKED_PATH).handler(collections::liked);
        r.get(Iris.OBJECT_PATH).handler(objects::object);
        r.get(Iris.ACTIVITY_PATH).handler(objects::activity);

        // Inboxes: bodies over 1 MB are refused with 413 before any processing.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(SafeHttpClient.MAX_BODY);
        r.post(Iris.INBOX_PATH).handler(body).handler(inbox::personal);
        r.post(Iris.SHARED_INBOX_PATH).handler(body).handler(inbox::shared);
        r.post(Iris.INSTANCE_INBOX_PATH).handler(body).handler(inbox::shared);

        HealthHandler health = new HealthHandler(s.db);
        r.get("/health/live").handler(health::live);
        r.get("/health/ready").handler(health::ready);
        r.get("/metrics").handler(new MetricsHandler(s.config.metricsToken()));

        FailureHandler failures = new FailureHandler();
        r.route().failureHandler(failures);
        r.route().last().handler(ctx -> ctx.fail(404));
        return r;
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
