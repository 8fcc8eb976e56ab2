package de.allmende.federation.delivery;

import de.allmende.db.Database;
import de.allmende.db.Jdbc;
import de.allmende.store.DeliveryStore;
import de.allmende.store.HostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of delivery outcomes. A peer that answered 2xx has the activity; until the row says so, a crash
 * sends it again. Writing each outcome in its own transaction made hundreds of sends wait for a pooled
 * connection after they had succeeded — the window in which a kill -9 turns a delivery into a duplicate. Here
 * one writer takes whatever outcomes arrived while it last wrote and records them in one transaction (one
 * statement for all successes), so the window shrinks to a few milliseconds.
 */
final class DeliveryOutcomes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);
    private static final int MAX_BATCH = 1024;

    sealed interface Outcome permits Delivered, Failed, RetryLater {
        long id();
    }

    record Delivered(long id, int status, String host) implements Outcome {}

    /** Permanent: never tried again. */
    record Failed(long id, Integer status, String error) implements Outcome {}

    /** Transient: due again after {@code delay}; counts as a failure day of the host. */
    record RetryLater(long id, Duration delay, Integer status, String error, String host) implements Outcome {}

    private final Database db;
    private final Clock clock;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final HostStore hosts = new HostStore();
    private final LinkedBlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    DeliveryOutcomes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.writer = Thread.ofVirtual().name("delivery-outcomes").start(this::run);
    }

    void record(Outcome outcome) {
        queue.add(outcome);
    }

    private void run() {
        List<Outcome> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Outcome first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                // The rows stay leased and go out again when the lease ends: at-least-once still holds.
                LOG.warn("recording {} delivery outcomes failed: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Outcome> batch) {
        List<Delivered> delivered = new ArrayList<>();
        List<Outcome> others = new ArrayList<>();
        for (Outcome o : batch) {
            if (o instanceof Delivered d) delivered.add(d);
            else others.add(o);
        }
        if (!delivered.isEmpty()) {
            Jdbc.transaction(db.dataSource(), c -> {
                deliveries.markDelivered(c, delivered.stream().mapToLong(Delivered::id).toArray(),
                        delivered.stream().mapToInt(Delivered::status).toArray());
                Set<String> succeeded = new LinkedHashSet<>();
                delivered.forEach(d -> succeeded.add(d.host()));
                hosts.recordSuccess(c, succeeded); // a no-op unless a host had failures
                return null;
            });
        }
        if (others.isEmpty()) return;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        db.dsl().transaction(cfg -> {
            for (Outcome o : others) {
                switch (o) {
                    case Failed f -> deliveries.markFailed(cfg.dsl(), f.id(), f.status(), f.error());
                    case RetryLater r -> {
                        deliveries.retryLater(cfg.dsl(), r.id(), r.delay(), r.status(), r.error());
                        hosts.recordFailure(cfg.dsl(), r.host(), today);
                    }
                    case Delivered d -> throw new IllegalStateException("handled above");
                }
            }
        });
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
