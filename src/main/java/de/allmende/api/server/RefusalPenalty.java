package de.allmende.api.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.allmende.api.login.ClientAddress;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * Slows the refusals of signed requests (inbox POSTs, signed fetches) for a client address that keeps getting
 * refused: beyond {@code perSecond} refusals a second, each further refusal is answered only after
 * {@link #DELAY}, from a timer, holding no thread.
 *
 * <p>Why (issue 8, the attack test): a stranger's forged POST costs us parsing, hashing and a key lookup before
 * its 401, and an attacker that sends the next one as soon as it has the answer uses whatever CPU that frees —
 * 1,000-2,000 forged POSTs a second from 200 connections, and a healthy peer's delivery waited in line behind
 * them. A refusal that takes half a second caps such a loop at two requests per connection per second (and
 * connections per address are capped too). A peer whose requests verify is never slowed; the budget is wide
 * enough for a peer's retries after a key rotation, and the answer still comes within a second.
 */
public final class RefusalPenalty implements Handler<RoutingContext> {
    public static final Duration DELAY = Duration.ofMillis(500);
    private static final String KEY = RefusalPenalty.class.getName();
    private static final String STARTED = KEY + ".started";

    private final Cache<String, RateLimiter> addresses = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(2)).build();
    private final RateLimiterConfig budget;

    public RefusalPenalty(int perSecond) {
        this.budget = RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Marks the request as one whose refusal counts; the failure handler asks {@link #delayFor}. */
    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(KEY, this);
        ctx.put(STARTED, System.nanoTime());
        ctx.next();
    }

    /** How long to hold this refusal back: zero unless the request was marked and its address is over budget. */
    public static Duration delayFor(RoutingContext ctx, int status) {
        RefusalPenalty penalty = ctx.get(KEY);
        if (penalty == null || status < 400 || status >= 500) return Duration.ZERO;
        RateLimiter limiter = penalty.addresses.get(ClientAddress.of(ctx), a -> RateLimiter.of("refusals", penalty.budget));
        if (limiter.acquirePermission()) return Duration.ZERO;
        long started = ctx.get(STARTED);
        return DELAY.minusNanos(System.nanoTime() - started).isNegative() ? Duration.ZERO : DELAY.minusNanos(System.nanoTime() - started);
    }
}
