package de.allmende.federation.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many deliveries may be on the wire per host. A host that recently timed out or refused connections is
 * "slow": it gets one request at a time, and all slow hosts together share a small lane, so hundreds of
 * followers whose inboxes stall cannot take the slots that healthy followers need. A success makes a host
 * normal again. Rows for a host at its limit stay queued in PostgreSQL (see {@link #busyHosts()}), they do not
 * wait in memory holding a slot.
 */
final class HostLanes {
    static final int PER_HOST = 8;
    static final int PER_SLOW_HOST = 1;
    private static final Duration SLOW_FOR = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 50_000;

    private final Map<String, AtomicInteger> onWire = new ConcurrentHashMap<>();
    private final Map<String, Long> slowUntil = new ConcurrentHashMap<>();
    /** Hosts that answered lately: their rows are claimed first, so new stalling followers queue behind them. */
    private final Map<String, Boolean> answering = new ConcurrentHashMap<>();
    private final Semaphore slowLane;

    HostLanes(int slowLaneSize) {
        this.slowLane = new Semaphore(slowLaneSize);
    }

    /** A slot on the wire to {@code host}, or empty if the host (or the slow lane) is full. Close it when done. */
    Optional<Permit> tryEnter(String host) {
        boolean slow = isSlow(host);
        if (slow && !slowLane.tryAcquire()) return Optional.empty();
        AtomicInteger count = onWire.computeIfAbsent(host, h -> new AtomicInteger());
        int limit = slow ? PER_SLOW_HOST : PER_HOST;
        while (true) {
            int n = count.get();
            if (n >= limit) {
                if (slow) slowLane.release();
                return Optional.empty();
            }
            if (count.compareAndSet(n, n + 1)) return Optional.of(new Permit(host, count, slow));
        }
    }

    /** Hosts whose rows should not be claimed now. */
    List<String> busyHosts() {
        boolean laneFull = slowLane.availablePermits() == 0;
        List<String> busy = new ArrayList<>();
        onWire.forEach((host, count) -> {
            if (count.get() >= (isSlow(host) ? PER_SLOW_HOST : PER_HOST)) busy.add(host);
        });
        if (laneFull) slowUntil.keySet().stream().filter(this::isSlow).forEach(busy::add);
        return busy;
    }

    /** After a timeout or a refused connection, or a long wait for an answer. */
    void markSlow(String host) {
        answering.remove(host);
        if (slowUntil.size() > MAX_TRACKED) slowUntil.clear();
        slowUntil.put(host, System.nanoTime() + SLOW_FOR.toNanos());
    }

    void markHealthy(String host) {
        slowUntil.remove(host);
        if (answering.size() > MAX_TRACKED) answering.clear();
        answering.put(host, Boolean.TRUE);
    }

    List<String> answeringHosts() {
        return List.copyOf(answering.keySet());
    }

    boolean isSlow(String host) {
        Long until = slowUntil.get(host);
        if (until == null) return false;
        if (until - System.nanoTime() > 0) return true;
        slowUntil.remove(host, until);
        return false;
    }

    final class Permit implements AutoCloseable {
        private final String host;
        private final AtomicInteger count;
        private final boolean slowLaneHeld;

        private Permit(String host, AtomicInteger count, boolean slowLaneHeld) {
            this.host = host;
            this.count = count;
            this.slowLaneHeld = slowLaneHeld;
        }

        @Override
        public void close() {
            if (count.decrementAndGet() == 0 && onWire.size() > MAX_TRACKED) onWire.remove(host, count);
            if (slowLaneHeld) slowLane.release();
        }
    }
}
