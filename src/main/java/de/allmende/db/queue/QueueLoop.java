package de.allmende.db.queue;

import de.allmende.db.Database;
import de.allmende.db.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
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
 * One virtual thread drains; the channel is heard on the process's one listening connection ({@link Notifications}).
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

    private final Database db;
    private final String channel;
    private final IntSupplier drain;
    private final Supplier<Duration> untilDue;
    private volatile boolean running = true;
    /** A permit means "drain again now": released by a notification or {@link #wake()}. */
    private final Semaphore due = new Semaphore(0);
    private final Thread drainer;
    private Notifications.Subscription listening;

    /**
     * @param drain    claims and starts a batch; returns how many rows it took
     * @param untilDue how long until the earliest pending row is due (zero or less: due now; {@link #IDLE_MILLIS} or
     *                 more when there is none)
     */
    public QueueLoop(String name, Database db, String channel, IntSupplier drain, Supplier<Duration> untilDue) {
        this.db = db;
        this.channel = channel;
        this.drain = drain;
        this.untilDue = untilDue;
        this.drainer = Thread.ofVirtual().name(name).unstarted(this::drainLoop);
    }

    public QueueLoop start() {
        listening = db.listen(channel, new Notifications.Receiver() {
            @Override
            public void heard(List<String> payloads) { due.release(); }

            @Override
            public void listening(boolean on) {
                if (on) due.release(); // what was notified while not listening is lost: look now
            }
        });
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

    /** Something this process did freed capacity (e.g. a delivery slot): drain again soon. */
    public void wake() {
        due.release();
    }

    @Override
    public void close() {
        running = false;
        if (listening != null) listening.close();
        due.release();
        try {
            drainer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
