package de.allmende.federation.delivery;

import de.allmende.db.queue.Admission;
import de.allmende.db.queue.Lanes;
import de.allmende.store.DeliveryStore.Delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Which claimed deliveries may go on the wire now: at most {@link HostLanes#PER_HOST} requests per host (one for a
 * slow host, see {@link HostLanes}), {@link #IN_FLIGHT} in all, and few "young" ones. Rows for a host at its limit
 * are not claimed: they wait in PostgreSQL, not in memory holding a slot.
 */
final class DeliveryLanes implements Admission<Delivery> {
    /** Requests on the wire at once; each waits on non-blocking I/O, so this costs sockets, not threads. */
    private static final int IN_FLIGHT = 2048;
    /**
     * Of those, how many may be young (sent less than {@link AnswerTimes#young()} ago: a few times as long as
     * peers lately took to answer). A request that is sent but not yet recorded as answered is one a crash
     * sends twice, so few should be in that state at once; a request still waiting when it is no longer young
     * gives its place to the next one, so stalling peers cannot hold these places either.
     */
    private static final int FAST_LANE = 64;
    /** A host still silent this long after a send counts as slow (see {@link HostLanes}) until it answers. */
    private static final long SILENT = Duration.ofSeconds(2).toNanos();
    /** Of those, how many slow hosts may hold together. */
    private static final int SLOW_LANE = 128;
    private static final int CLAIM_BATCH = 256;

    private final AnswerTimes answerTimes = new AnswerTimes();
    private final HostLanes lanes = new HostLanes(SLOW_LANE);
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final Semaphore fastLane = new Semaphore(FAST_LANE);
    /** Sends on the wire that still hold a fast-lane place: id → when sent. */
    private final Map<Long, Young> young = new ConcurrentHashMap<>();
    /** Sends no longer young, still waiting for their answer. */
    private final Map<Long, Young> waiting = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Runnable wake = () -> { };

    private record Young(long sentAt, String host) {}

    @Override
    public int room() {
        return Math.min(CLAIM_BATCH, Math.min(inFlight.availablePermits(), fastLane.availablePermits()));
    }

    @Override
    public Lanes lanes() {
        return new Lanes(lanes.busyHosts(), lanes.answeringHosts());
    }

    /** One batch may hold more rows for a host than it may take at once: those go back to the queue. */
    @Override
    public Optional<Place> enter(Delivery d) {
        Optional<HostLanes.Permit> permit = lanes.tryEnter(d.host());
        if (permit.isEmpty()) return Optional.empty();
        if (!inFlight.tryAcquire()) {
            permit.get().close();
            return Optional.empty();
        }
        if (!fastLane.tryAcquire()) {
            permit.get().close();
            inFlight.release();
            return Optional.empty();
        }
        young.put(d.id(), new Young(System.nanoTime(), d.host()));
        return Optional.of(() -> {
            permit.get().close();
            leaveFastLane(d.id());
            inFlight.release();
            wake.run(); // a slot is free: rows that waited for it may go
        });
    }

    /** The host answered (whatever it said) after {@code nanos}. */
    void answered(String host, long nanos) {
        answerTimes.record(nanos);
        lanes.markHealthy(host);
    }

    /** Timed out, refused or reset: one request at a time from now on. */
    void unreachable(String host) {
        lanes.markSlow(host);
    }

    @Override
    public void start(Runnable wake) {
        this.wake = wake;
        Thread.ofVirtual().name("delivery-ageing").start(this::ageSends);
    }

    /**
     * Every 50 ms: sends no longer young leave the fast lane; those still waiting after {@link #SILENT} mark
     * their host slow.
     */
    private void ageSends() {
        while (running) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long youngFor = answerTimes.young();
            young.forEach((id, send) -> {
                if (now - send.sentAt() > youngFor && young.remove(id, send)) {
                    fastLane.release();
                    waiting.put(id, send);
                    wake.run();
                }
            });
            waiting.forEach((id, send) -> {
                if (now - send.sentAt() > SILENT && waiting.remove(id, send)) lanes.markSlow(send.host());
            });
        }
    }

    private void leaveFastLane(long id) {
        if (young.remove(id) != null) fastLane.release();
        waiting.remove(id);
    }

    @Override
    public void close() {
        running = false;
    }
}
