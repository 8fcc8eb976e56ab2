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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *   <li>for a cached key that failed to verify, refetched at most once per {@link Limits#refetchPause}
 *       (the actor may have rotated its key; a forger must not make us fetch on every request);</li>
 *   <li>and waited for at most {@link Limits#answerWithin}: the fetch runs on a thread of its own, and a
 *       request whose key server is slower is answered 429 with Retry-After while the fetch goes on. The
 *       sender's retry finds the key fetched (or its failure remembered), so every inbox request is answered
 *       within a second however slowly a stranger's key server answers, and a legitimate sender loses
 *       nothing but the retry.</li>
 * </ul>
 *
 * @param <T> what a successful fetch yields
 */
final class KeyFetchGate<T> {
    /** How often keys may be fetched; see the class comment. */
    record Limits(int fetchesPerHost, Duration failedKeyPause, Duration refetchPause, Duration answerWithin) {
        static final Limits DEFAULT = new Limits(30, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMillis(700));
    }

    /** Long enough for a fetch with its full deadline (SafeHttpClient's FETCH limit, 5 s) to have ended. */
    private static final Duration RETRY_SLOW_FETCH = Duration.ofSeconds(10);

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
    private final Duration answerWithin;

    KeyFetchGate(Limits limits) {
        this.answerWithin = limits.answerWithin();
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
        // Checked again: a fetch that failed just before we registered has already been remembered.
        if (failed.getIfPresent(keyId) != null) {
            inFlight.remove(keyId, mine);
            mine.complete(Optional.empty());
            return Optional.empty();
        }
        try {
            admit(host);
        } catch (RuntimeException e) {
            inFlight.remove(keyId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        Thread.ofVirtual().name("key-fetch").start(() -> fetchAndShare(keyId, fetch, mine));
        return await(mine);
    }

    /** Our limits on fetching: per host per minute, and in all at once. Throws 429 beyond them. */
    private void admit(String host) {
        RateLimiter limiter = hosts.get(host, h -> RateLimiter.of(h, perHost));
        if (!limiter.acquirePermission()) {
            throw ApiException.tooManyRequests("signature: too many key fetches from this host, try later", HOST_WINDOW);
        }
        if (!concurrent.tryAcquire()) {
            throw ApiException.tooManyRequests("signature: too many key fetches under way, try later", Duration.ofSeconds(10));
        }
    }

    /** Runs on its own thread, so it ends (within the fetch's deadline) even after every waiting request was answered. */
    private void fetchAndShare(String keyId, Supplier<Optional<T>> fetch, CompletableFuture<Optional<T>> shared) {
        try {
            Optional<T> result = fetch.get();
            if (result.isEmpty()) failed.put(keyId, Boolean.TRUE);
            shared.complete(result);
        } catch (RuntimeException e) {
            shared.completeExceptionally(e);
        } finally {
            concurrent.release();
            inFlight.remove(keyId, shared);
        }
    }

    /**
     * Waits for a fetch, at most {@link Limits#answerWithin}. On an HTTP verticle's virtual thread {@code await()}
     * parks only this request: the verticle serves others meanwhile.
     */
    private Optional<T> await(CompletableFuture<Optional<T>> running) {
        Throwable failure;
        try {
            return io.vertx.core.Future.fromCompletionStage(running.copy().orTimeout(answerWithin.toMillis(), TimeUnit.MILLISECONDS)).await();
        } catch (Throwable t) { // Vert.x rethrows a checked cause (the TimeoutException) unchecked
            failure = t;
        }
        while (failure instanceof CompletionException && failure.getCause() != null) failure = failure.getCause();
        if (failure instanceof TimeoutException) throw slowKeyServer();
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        throw new IllegalStateException(failure);
    }

    private static ApiException slowKeyServer() {
        return ApiException.tooManyRequests("signature: the key server is slow; its key is being fetched, try again shortly", RETRY_SLOW_FETCH);
    }
}
