package de.allmende.db.queue;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Drives a PostgreSQL-backed queue: calls {@code drain} (claim and dispatch a batch; returns how many rows it
 * took) until it finds nothing, then waits until a NOTIFY on the channel, a {@link #wake()}, or the moment
 * {@code untilDue} names: when the earliest pending row comes due (a retry, or the end of a lease held by a process
 * that may have died), at most {@link #IDLE_MILLIS}; 250 ms when rows are due yet were not taken (no capacity, busy
 * lanes, or, for a worker, jobs of its own still running: a retry is announced by no NOTIFY). Rows are enqueued with
 * a NOTIFY, so an idle node claims nothing between those wake-ups (it polled every queue four times a second: with
 * the listener's 25-ms slices, 59 ms of CPU a second at idle).
 * Two virtual threads: one drains, one listens on a connection of its own (beside the pool), blocked in the read until
 * a notification arrives.
 */
public final class QueueLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueLoop.class);
    /** The wait while rows are due but were not taken. */
    private static final long POLL_MILLIS = 250;
    /**
     * The longest wait with nothing due: how soon a row that came without a NOTIFY (another process's retry after it
     * died) is found. The earliest-due query and an empty claim every few seconds cost an idle node next to nothing.
     */
    static final long IDLE_MILLIS = 5000;

    private final DataSource dataSource;
    private final String channel;
    private final IntSupplier drain;
    private final Supplier<Duration> untilDue;
    private volatile boolean running = true;
    /** A permit means "drain again now": released by a notification or {@link #wake()}. */
    private final Semaphore due = new Semaphore(0);
    private final Thread drainer;
    private final Thread listener;

    /**
     * @param drain    claims and starts a batch; returns how many rows it took
     * @param untilDue how long until the earliest pending row is due (zero or less: due now; {@link #IDLE_MILLIS} or
     *                 more when there is none)
     */
    public QueueLoop(String name, DataSource dataSource, String channel, IntSupplier drain, Supplier<Duration> untilDue) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.drain = drain;
        this.untilDue = untilDue;
        this.drainer = Thread.ofVirtual().name(name).unstarted(this::drainLoop);
        this.listener = Thread.ofVirtual().name(name + "-listen").unstarted(this::listenLoop);
    }

    public QueueLoop start() {
        listener.start();
        drainer.start();
        return this;
    }

    private void drainLoop() {
        while (running) {
            try {
                due.drainPermits();
                int taken = drain.getAsInt();
                if (taken == 0) due.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("{} loop: {}; retrying in 1 s", channel, e.toString());
                try {
                    due.tryAcquire(1, TimeUnit.SECONDS); // close() releases it
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private long waitMillis() {
        long millis = untilDue.get().toMillis();
        if (millis <= 0) return POLL_MILLIS; // due, yet not taken: look again soon
        return Math.min(millis + 2, IDLE_MILLIS); // + 2: a little after the database's now() has passed the due time
    }

    /**
     * Holds the LISTEN; a lost connection is opened again after a second (the drainer's timed waits go on meanwhile, so
     * what was notified in between is found within {@link #IDLE_MILLIS}, and at once when listening again).
     */
    private void listenLoop() {
        while (running) {
            try (Connection listen = de.allmende.db.BesideThePool.open(dataSource, "allmende-queue-" + channel)) {
                try (Statement s = listen.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                PGConnection pg = listen.unwrap(PGConnection.class);
                due.release(); // what was notified while not listening is lost: look now
                while (running) {
                    var notes = pg.getNotifications(0); // blocks until one arrives; close() interrupts it
                    if (notes != null && notes.length > 0) due.release();
                }
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("{} listener: {}; listening again in 1 s", channel, e.toString());
                pauseAfterFailure();
            }
        }
    }

    /** Something this process did freed capacity (e.g. a delivery slot): drain again soon. */
    public void wake() {
        due.release();
    }

    private void pauseAfterFailure() {
        try {
            Thread.sleep(1000); // close() interrupts it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        // A virtual thread blocked in a socket read ends it when interrupted (its socket is closed), so neither thread
        // keeps the node from stopping.
        listener.interrupt();
        due.release();
        try {
            drainer.join(5000);
            listener.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
