package de.allmende.api.ops;

import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Prometheus scrape endpoint; guarded by a bearer token when the operator sets one (the router puts {@link #requireToken} first). */
public final class MetricsHandler implements Handler<RoutingContext> {
    private final Optional<String> token;
    private final Handler<RoutingContext> scrape = PrometheusScrapingHandler.create();

    public MetricsHandler(Optional<String> token) {
        this.token = token;
    }

    /** The guard of {@link de.allmende.route.Access#OPERATOR} routes. */
    public void requireToken(RoutingContext ctx) {
        if (token.isPresent()) {
            String auth = ctx.request().getHeader("Authorization");
            String expected = "Bearer " + token.get();
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                throw ApiException.unauthorized("metrics need a bearer token");
            }
        }
        ctx.next();
    }

    @Override
    public void handle(RoutingContext ctx) {
        scrape.handle(ctx);
    }
}
