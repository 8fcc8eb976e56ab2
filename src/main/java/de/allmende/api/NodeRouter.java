package de.allmende.api;

import de.allmende.api.ops.RequestMetrics;
import de.allmende.api.server.OnVirtualThread;
import de.allmende.api.staff.StaffAuth;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.route.Area;
import de.allmende.route.PathTemplate.RouterPath;
import de.allmende.route.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The node's router, registered from the route table: each {@link Route} at its paths, behind the
 * guard its access names, then the handlers {@link Endpoints} binds to it. No path is written here.
 */
final class NodeRouter {
    private NodeRouter() {}

    static Router build(Router r, HttpHandlers h, OnVirtualThread blocking) {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        if (registry != null) r.route().handler(new RequestMetrics(registry));
        r.route().handler(new SecurityHeaders()).handler(new RequestGuard()); // before any route with a path matches
        // Kept public documents are answered here, on the event loop, before any route's handlers run.
        r.route().handler(h.documents()::answerKept);
        r.route(Area.WELL_KNOWN.prefix() + "/*").handler(CorsHandler.create().addOrigin("*").allowedMethod(HttpMethod.GET));
        // Browser apps (Elk, Phanpy) call the client API and OAuth endpoints from their own origin; bearer tokens,
        // not cookies, so any origin. The login page is no API: it is left out.
        CorsHandler clientCors = clientCors();
        r.route(Area.CLIENT_API.prefix() + "/*").handler(clientCors);
        r.route(Area.OAUTH.prefix() + "/*").handler(ctx -> {
            if (Route.OAUTH_AUTHORIZE.template().match(ctx.request().path(), null).isPresent()) ctx.next();
            else clientCors.handle(ctx);
        });

        Guards guards = new Guards(h);
        for (Route route : Route.values()) register(r, route, Endpoints.of(route, h), guards, blocking);

        // Staff API paths no route claims still need a token: 401 before 404, so they tell strangers nothing.
        r.route(Area.STAFF_API.prefix() + "/*").handler(blocking.wrap(h.staff().auth()));
        r.route().failureHandler(h.failures());
        r.route().last().handler(ctx -> ctx.fail(404));
        return r;
    }

    private static CorsHandler clientCors() {
        return CorsHandler.create().addOrigin("*")
                .allowedMethods(java.util.Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
                .allowedHeaders(java.util.Set.of("Authorization", "Content-Type", "Idempotency-Key", "Accept"))
                .exposedHeaders(java.util.Set.of("Link", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-Request-Id"))
                .maxAgeSeconds(86_400);
    }

    private static void register(Router r, Route route, Endpoint endpoint, Guards guards, OnVirtualThread blocking) {
        List<Handler<RoutingContext>> guard = guards.of(route, endpoint);
        for (RouterPath path : route.template().routerPaths()) {
            io.vertx.ext.web.Route registered = r.route(route.method(), path.path());
            // HEAD wherever GET is served (RFC 9110 §9.3.2): link checkers, caches and monitors ask so; Vert.x sends
            // the headers of the GET answer without its body.
            if (route.method() == HttpMethod.GET) registered.method(HttpMethod.HEAD);
            if (!path.fixed().isEmpty()) registered.handler(new FixedParams(path.fixed()));
            guard.forEach(handler -> registered.handler(blocking.wrap(handler)));
            endpoint.handlers().forEach(handler -> registered.handler(
                    endpoint.threads() == Endpoint.Threads.EVENT_LOOP ? handler : blocking.wrap(handler)));
        }
    }

    /** The guard each kind of access needs, in front of a route's own handlers. */
    private static final class Guards {
        private final HttpHandlers h;
        /** Inbox bodies over 1 MB are refused with 413 before any processing. */
        private final BodyHandler inboxBody = BodyHandler.create(false).setBodyLimit(SafeHttpClient.MAX_BODY);

        Guards(HttpHandlers h) {
            this.h = h;
        }

        List<Handler<RoutingContext>> of(Route route, Endpoint endpoint) {
            return switch (route.access()) {
                case PUBLIC -> List.of();
                case SIGNED_FETCH, PAGE_OR_SIGNED_FETCH -> {
                    Predicate<RoutingContext> servesPage = servesPage(route, endpoint);
                    // Signature checks may fetch keys from elsewhere: admitted up to a limit (503 beyond).
                    yield h.authorizedFetch().map(fetch -> List.of(h.refusals(), h.remoteWork(), fetch.guard(route, servesPage))).orElse(List.of());
                }
                // Signature checks may fetch keys from elsewhere: such requests are admitted up to a limit (503 beyond), after
                // their body arrived, so neither slow bodies nor stalling key servers can fill it for the rest of the node.
                // Refusals of an address that keeps being refused are answered slowly (RefusalPenalty).
                case SIGNED_DELIVERY -> List.of(inboxBody, h.refusals(), h.remoteWork());
                case STAFF -> List.of(h.staff().auth(), StaffAuth.require(route.scope().orElseThrow()));
                // Mastodon reads DELETE parameters from the body too (masto.js sends them so): every client DELETE reads one.
                case CLIENT -> route.method() == HttpMethod.DELETE
                        ? List.of(h.mastodon().auth().require(route.clientScopes().orElseThrow()), h.mastodon().body())
                        : List.of(h.mastodon().auth().require(route.clientScopes().orElseThrow()));
                case OPERATOR -> List.of(h.metrics()::requireToken);
            };
        }

        private static Predicate<RoutingContext> servesPage(Route route, Endpoint endpoint) {
            if (route.access() != de.allmende.route.Access.PAGE_OR_SIGNED_FETCH) return ctx -> false;
            return endpoint.servesPage().orElseThrow(() ->
                    new IllegalStateException(route + " has a public page, but its endpoint does not say which requests get it"));
        }
    }

    /**
     * The values of closed parameters a written-out path stands for (e.g. {@code kind=events}), so
     * handlers read them like any path parameter.
     */
    private record FixedParams(Map<String, String> values) implements PlatformHandler {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.pathParams().putAll(values);
            ctx.next();
        }
    }
}
