package de.allmende.db.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the leases of the rows a live worker holds (claimed and not yet recorded): every third of the lease it
 * extends them all in one statement, so only the rows of a dead or stalled process run out and are taken over.
 * Each held row remembers the attempt count of its claim, so a worker releases only its own claim.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    /** Extends the leases of {@code ids} by {@code lease}, in a transaction of its own. */
    @FunctionalInterface
    public interface Renewal {
        void renew(Collection<Long> ids, Duration lease);
    }

    private final String name;
    private final Duration lease;
    private final Renewal renewal;
    private final Map<Long, Integer> held = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public LeaseKeeper(String name, Duration lease, Renewal renewal) {
        this.name = name;
        this.lease = lease;
        this.renewal = renewal;
        this.thread = Thread.ofVirtual().name(name + "-leases").unstarted(this::run);
    }

    public LeaseKeeper start() {
        thread.start();
        return this;
    }

    public Duration lease() {
        return lease;
    }

    public void hold(long id, int attempts) {
        held.put(id, attempts);
    }

    /** True while any claimed row is held (its outcome not yet written). */
    public boolean holding() {
        return !held.isEmpty();
    }

    /** Lets go of the row, unless it was claimed again since (then the newer claim is kept). */
    public void release(long id, int attempts) {
        held.remove(id, attempts);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(lease.dividedBy(3));
                if (!held.isEmpty()) renewal.renew(List.copyOf(held.keySet()), lease);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) LOG.warn("renewing {} leases failed: {}", name, e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
