package de.allmende.api.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admission limit: at most {@code max} requests are handled at once; beyond that the answer is 503 with
 * Retry-After, at once and without work, so a flood costs little and peers retry later. Released when the
 * response ends or the connection goes away.
 */
public final class Admission implements Handler<RoutingContext> {
    private final int max;
    private final AtomicInteger inProgress = new AtomicInteger();

    public Admission(int max) {
        this.max = max;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (inProgress.incrementAndGet() > max) {
            inProgress.decrementAndGet();
            ctx.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("Content-Type", "application/json");
            UnreadBody.endClosing(ctx, "{\"error\":\"busy, try again shortly\"}");
            return;
        }
        ctx.addEndHandler(done -> inProgress.decrementAndGet());
        ctx.next();
    }

    public int inProgress() {
        return inProgress.get();
    }
}
