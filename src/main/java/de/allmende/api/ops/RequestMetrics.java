package de.allmende.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-route request timing ({@code http_server_requests_seconds} in Prometheus), tagged by route
 * template rather than path so cardinality stays bounded. Vert.x's own HTTP server metrics are off:
 * with several verticle instances sharing one server they raced during deployment in Vert.x 5.0.10.
 * The timers are looked up once per method, route and status, not built per request (building and
 * registering them was a tenth of the serving threads' samples for a kept actor document).
 */
public final class RequestMetrics implements Handler<RoutingContext> {
    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status) {}

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            Route route = ctx.currentRoute();
            String kept = ctx.get(de.allmende.api.DocumentCache.ROUTE_PATH); // answered before any route matched
            String template = kept != null ? kept : route == null || route.getPath() == null ? "unmatched" : route.getPath();
            Series s = new Series(ctx.request().method().name(), template, ctx.response().getStatusCode());
            timers.computeIfAbsent(s, this::timer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }

    private Timer timer(Series s) {
        return Timer.builder("http.server.requests").tag("method", s.method()).tag("route", s.route())
                .tag("status", String.valueOf(s.status())).register(registry);
    }
}
