package de.allmende.db.queue;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.IntSupplier;

/**
 * Drives a PostgreSQL-backed queue: calls {@code drain} (claim and dispatch a batch; returns how many
 * rows it took) until it finds nothing, then sleeps until a NOTIFY on the channel or 250 ms pass
 * (the timeout also picks up retries that became due). Runs on one virtual thread.
 */
public final class QueueLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueLoop.class);

    private final DataSource dataSource;
    private final String channel;
    private final IntSupplier drain;
    private volatile boolean running = true;
    /** Set by {@link #wake()}: drain again without waiting for a NOTIFY. */
    private volatile boolean woken;
    private final Thread thread;

    public QueueLoop(String name, DataSource dataSource, String channel, IntSupplier drain) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.drain = drain;
        this.thread = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    public QueueLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try (Connection listen = dataSource.getConnection()) {
                try (Statement s = listen.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                PGConnection pg = listen.unwrap(PGConnection.class);
                while (running) {
                    woken = false;
                    int taken = drain.getAsInt();
                    // Waits for a NOTIFY, a wake() or 250 ms, in short slices so a wake() is seen soon.
                    for (int slice = 0; taken == 0 && running && !woken && slice < 10; slice++) {
                        var notes = pg.getNotifications(25);
                        if (notes != null && notes.length > 0) break;
                    }
                }
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("{} loop: {}; retrying in 1 s", channel, e.toString());
                pauseAfterFailure();
            }
        }
    }

    /** Something this process did freed capacity (e.g. a delivery slot): drain again soon. */
    public void wake() {
        woken = true;
    }

    /** A second, in slices, so that {@link #close()} does not wait for the rest of it. */
    private void pauseAfterFailure() {
        try {
            for (int slice = 0; slice < 40 && running; slice++) Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
