package de.allmende.federation.delivery;

import de.allmende.db.Database;
import de.allmende.store.DeliveryStore;
import de.allmende.store.HostStore;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
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
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    /**
     * The writer's own connection, outside the pool: with a thousand sends in flight the pool is busy, and the
     * outcomes must not queue behind the work they record. Opened on demand, again after a failure.
     */
    private java.sql.Connection connection;

    DeliveryOutcomes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.writer = Thread.ofVirtual().name("delivery-outcomes").start(this::run);
    }

    /**
     * Queues the outcome and waits until it is written (or the write failed): the sender keeps its slot until
     * then, so "answered but not recorded" stays bounded by the slots.
     */
    void record(Outcome outcome) {
        Pending p = new Pending(outcome, new java.util.concurrent.CompletableFuture<>());
        queue.add(p);
        try {
            p.written().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not recorded: the row stays leased and goes out again when the lease ends (at-least-once)
        }
    }

    private record Pending(Outcome outcome, java.util.concurrent.CompletableFuture<Void> written) {}

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch.stream().map(Pending::outcome).toList());
                batch.forEach(p -> p.written().complete(null));
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                // The rows stay leased and go out again when the lease ends: at-least-once still holds.
                LOG.warn("recording {} delivery outcomes failed: {}", batch.size(), e.toString());
                batch.forEach(p -> p.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Outcome> batch) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = db.dataSource().getConnection();
                connection.setAutoCommit(false);
            }
            writeIn(connection, batch);
            connection.commit();
        } catch (java.sql.SQLException | RuntimeException e) {
            closeConnection();
            throw e instanceof RuntimeException r ? r : new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
    }

    private void writeIn(java.sql.Connection c, List<Outcome> batch) throws java.sql.SQLException {
        List<Delivered> delivered = new ArrayList<>();
        Set<String> succeeded = new LinkedHashSet<>();
        DSLContext tx = DSL.using(c, SQLDialect.POSTGRES);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Outcome o : batch) {
            switch (o) {
                case Delivered d -> {
                    delivered.add(d);
                    succeeded.add(d.host());
                }
                case Failed f -> deliveries.markFailed(tx, f.id(), f.status(), f.error());
                case RetryLater r -> {
                    deliveries.retryLater(tx, r.id(), r.delay(), r.status(), r.error());
                    hosts.recordFailure(tx, r.host(), today);
                }
            }
        }
        if (delivered.isEmpty()) return;
        deliveries.markDelivered(c, delivered.stream().mapToLong(Delivered::id).toArray(),
                delivered.stream().mapToInt(Delivered::status).toArray());
        hosts.recordSuccess(c, succeeded); // a no-op unless a host had failures
    }

    private void closeConnection() {
        try {
            if (connection != null) connection.close(); // back to the pool, rolled back
        } catch (java.sql.SQLException ignored) {
            // a broken connection: the pool replaces it
        }
        connection = null;
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
        closeConnection();
    }
}
