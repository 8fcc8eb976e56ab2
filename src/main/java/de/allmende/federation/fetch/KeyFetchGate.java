package de.allmende.federation.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.allmende.support.ApiException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The only way an inbound request makes us fetch a key (issue 8, finding 7): anyone can name any key
 * id in a signature, so each fetch is
 * <ul>
 *   <li>shared: concurrent requests naming the same key wait for one fetch (single flight);</li>
 *   <li>remembered when it fails: the key id is not fetched again for {@link Limits#failedKeyPause};</li>
 *   <li>limited per host: at most {@link Limits#fetchesPerHost} fetches per minute from the key's host.
 *       Beyond that the request is answered 429 with Retry-After: it was not judged, the sender should
 *       simply try again later (Mastodon and others retry 429), and unlike 503 it does not tell
 *       monitors that this node is down;</li>
 *   <li>and, for a cached key that failed to verify, refetched at most once per {@link Limits#refetchPause}
 *       (the actor may have rotated its key; a forger must not make us fetch on every request).</li>
 * </ul>
 *
 * @param <T> what a successful fetch yields
 */
final class KeyFetchGate<T> {
    /** How often keys may be fetched; see the class comment. */
    record Limits(int fetchesPerHost, Duration failedKeyPause, Duration refetchPause) {
        static final Limits DEFAULT = new Limits(30, Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    private static final int MAX_REMEMBERED = 10_000;
    /**
     * Key fetches under way at once, over all hosts: thousands of strangers' hosts, each within its own limit,
     * must not make us wait on thousands of stalling servers. Beyond this, 429: the sender retries later.
     */
    private static final int MAX_CONCURRENT = 128;
    private final java.util.concurrent.Semaphore concurrent = new java.util.concurrent.Semaphore(MAX_CONCURRENT);
    private static final Duration HOST_WINDOW = Duration.ofMinutes(1);

    private final ConcurrentHashMap<String, CompletableFuture<Optional<T>>> inFlight = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> failed;
    private final Cache<String, Boolean> refetched;
    private final Cache<String, RateLimiter> hosts;
    private final RateLimiterConfig perHost;

    KeyFetchGate(Limits limits) {
        this.failed = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(limits.failedKeyPause()).build();
        this.refetched = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(limits.refetchPause()).build();
        this.hosts = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterAccess(HOST_WINDOW.multipliedBy(2)).build();
        this.perHost = RateLimiterConfig.custom().limitForPeriod(limits.fetchesPerHost()).limitRefreshPeriod(HOST_WINDOW)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** A key we do not know: fetched unless it failed lately. */
    Optional<T> fetchUnknown(String keyId, String host, Supplier<Optional<T>> fetch) {
        if (failed.getIfPresent(keyId) != null) return Optional.empty();
        return shared(keyId, host, fetch);
    }

    /** A known key that did not verify: fetched again unless that happened lately (or joins a running fetch). */
    Optional<T> refetch(String keyId, String host, Supplier<Optional<T>> fetch) {
        CompletableFuture<Optional<T>> running = inFlight.get(keyId);
        if (running != null) return await(running);
        if (refetched.asMap().putIfAbsent(keyId, Boolean.TRUE) != null) return Optional.empty();
        try {
            return shared(keyId, host, fetch);
        } catch (RuntimeException e) {
            refetched.invalidate(keyId); // not fetched after all (our limit, our database): may try again
            throw e;
        }
    }

    private Optional<T> shared(String keyId, String host, Supplier<Optional<T>> fetch) {
        CompletableFuture<Optional<T>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<T>> running = inFlight.putIfAbsent(keyId, mine);
        if (running != null) return await(running);
        try {
            // Checked again: a fetch that failed just before we registered has already been remembered.
            Optional<T> result = failed.getIfPresent(keyId) != null ? Optional.empty() : fetchWithinLimit(keyId, host, fetch);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(keyId, mine);
        }
    }

    private Optional<T> fetchWithinLimit(String keyId, String host, Supplier<Optional<T>> fetch) {
        RateLimiter limiter = hosts.get(host, h -> RateLimiter.of(h, perHost));
        if (!limiter.acquirePermission()) {
            throw ApiException.tooManyRequests("signature: too many key fetches from this host, try later", HOST_WINDOW);
        }
        if (!concurrent.tryAcquire()) {
            throw ApiException.tooManyRequests("signature: too many key fetches under way, try later", Duration.ofSeconds(10));
        }
        try {
            Optional<T> result = fetch.get();
            if (result.isEmpty()) failed.put(keyId, Boolean.TRUE);
            return result;
        } finally {
            concurrent.release();
        }
    }

    /**
     * Waits for another request's fetch. On an HTTP verticle's virtual thread {@code await()} parks only this
     * request: the verticle serves others meanwhile (a plain join would hold it, and many requests naming one
     * stalling key server would hold them all).
     */
    private static <T> Optional<T> await(CompletableFuture<Optional<T>> running) {
        try {
            return io.vertx.core.Future.fromCompletionStage(running).await();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
