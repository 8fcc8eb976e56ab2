package de.allmende.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-route request timing ({@code http_server_requests_seconds} in Prometheus), tagged by route
 * template rather than path so cardinality stays bounded. Vert.x's own HTTP server metrics are off:
 * with several verticle instances sharing one server they raced during deployment in Vert.x 5.0.10.
 */
public final class RequestMetrics implements Handler<RoutingContext> {
    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            Route route = ctx.currentRoute();
            String template = route == null || route.getPath() == null ? "unmatched" : route.getPath();
            Timer.builder("http.server.requests")
                    .tag("method", ctx.request().method().name())
                    .tag("route", template)
                    .tag("status", String.valueOf(ctx.response().getStatusCode()))
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }
}
