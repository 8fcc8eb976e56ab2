package de.allmende.federation.http;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-host protection of outbound calls (resilience4j): a bulkhead, so a slow host can hold only its
 * own {@link HostPolicy#maxConcurrent()} slots and a call beyond them fails at once instead of waiting;
 * and a circuit breaker, so after {@link HostPolicy#failuresToOpen()} failed calls in a row the host is
 * skipped for the cool-down, after which a single trial call decides whether it is back.
 */
final class HostGuards {
    private final BulkheadConfig bulkheadConfig;
    private final CircuitBreakerConfig breakerConfig;
    private final Map<String, Guard> byHost;

    private record Guard(Bulkhead bulkhead, CircuitBreaker breaker) {}

    HostGuards(HostPolicy policy) {
        this.bulkheadConfig = BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build();
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindow(policy.failuresToOpen(), policy.failuresToOpen(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(policy.coolDown())
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .build();
        // Access-ordered, bounded: an attacker naming a million hosts costs a bounded map. A forgotten
        // host's in-flight calls still finish against their own (now unlisted) guard.
        this.byHost = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Guard> eldest) {
                return size() > policy.maxHosts();
            }
        };
    }

    /** Takes a slot for a call to {@code host} (host:port), or fails at once when the host is skipped or full. */
    Permit enter(String host) throws SafeHttpClient.HostUnavailableException {
        Guard guard = guardFor(host);
        if (!guard.breaker().tryAcquirePermission()) {
            throw new SafeHttpClient.HostUnavailableException(host + " failed repeatedly; not contacted for a while");
        }
        if (!guard.bulkhead().tryAcquirePermission()) {
            guard.breaker().releasePermission();
            throw new SafeHttpClient.HostUnavailableException(host + " already has the most calls in flight that one host may have");
        }
        return new Permit(guard);
    }

    /** The breaker's state for {@code host}, for tests. */
    CircuitBreaker.State state(String host) {
        return guardFor(host).breaker().getState();
    }

    private synchronized Guard guardFor(String host) {
        return byHost.computeIfAbsent(host, h -> new Guard(Bulkhead.of(h, bulkheadConfig), CircuitBreaker.of(h, breakerConfig)));
    }

    /** One call's slot. Record how the call went, then close; a call never made counts for nothing. */
    static final class Permit implements AutoCloseable {
        private final Guard guard;
        private final long startNanos = System.nanoTime();
        private boolean recorded;

        private Permit(Guard guard) {
            this.guard = guard;
        }

        /** The host answered (with any status). */
        void answered() {
            recorded = true;
            guard.breaker().onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }

        /** The host could not be reached, stalled or broke the connection. */
        void failed(Throwable cause) {
            recorded = true;
            guard.breaker().onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, cause);
        }

        @Override
        public void close() {
            if (!recorded) guard.breaker().releasePermission();
            guard.bulkhead().onComplete();
        }
    }
}
