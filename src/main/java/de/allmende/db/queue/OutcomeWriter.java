package de.allmende.db.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of job outcomes. A job that is done but not yet marked so runs again after a crash (for a delivery:
 * the peer gets it twice), so the mark should follow the work closely — but one transaction per outcome makes
 * hundreds of finished jobs wait for a pooled connection. Here one writer takes whatever outcomes arrived while it
 * last wrote and records them in one transaction (one statement for all that are done), so the window is a few
 * milliseconds. The job waits until its outcome is written: its place stays taken until then, which bounds
 * "done but not recorded" by the places.
 */
final class OutcomeWriter<J extends Job> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);
    private static final int MAX_BATCH = 1024;

    /** An outcome as written: a retry is due after {@code delay}. */
    record Written<J>(J job, Outcome outcome, Duration delay) {}

    private final DataSource dataSource;
    private final LeasedQueue<J> queue;
    private final JobWorker.OutcomeConnection connections;
    private final JobWorker.AlsoRecord<J> alsoRecord;
    private final LinkedBlockingQueue<Pending<J>> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    /** The connection of {@link JobWorker.OutcomeConnection#OWN}: opened on demand, again after a failure. */
    private Connection kept;

    private record Pending<J>(Written<J> written, CompletableFuture<Void> done) {}

    OutcomeWriter(String name, DataSource dataSource, LeasedQueue<J> queue, JobWorker.OutcomeConnection connections, JobWorker.AlsoRecord<J> alsoRecord) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.connections = connections;
        this.alsoRecord = alsoRecord;
        this.writer = Thread.ofVirtual().name(name + "-outcomes").start(this::run);
    }

    /** Queues the outcome and waits until it is written; false if it could not be (the row's lease then runs out). */
    boolean write(Written<J> outcome) {
        Pending<J> p = new Pending<>(outcome, new CompletableFuture<>());
        pending.add(p);
        try {
            p.done().get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false; // not recorded: the row goes out again when its lease ends (at-least-once)
        }
    }

    private void run() {
        List<Pending<J>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            try {
                batch.add(pending.take()); // close() interrupts it; an idle worker wakes for nothing else
                pending.drainTo(batch, MAX_BATCH - 1);
                List<Written<J>> written = batch.stream().map(Pending::written).toList();
                if (connections == JobWorker.OutcomeConnection.OWN) writeOnKept(written);
                else de.allmende.db.Jdbc.transaction(dataSource, c -> writeIn(c, written));
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                LOG.warn("recording {} job outcomes failed: {}", batch.size(), e.toString());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOnKept(List<Written<J>> batch) {
        try {
            if (kept == null || kept.isClosed()) {
                kept = dataSource.getConnection();
                kept.setAutoCommit(false);
            }
            writeIn(kept, batch);
            kept.commit();
        } catch (SQLException | RuntimeException e) {
            closeKept();
            throw e instanceof RuntimeException r ? r : new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
    }

    private Void writeIn(Connection c, List<Written<J>> batch) throws SQLException {
        List<Long> done = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (Written<J> w : batch) {
            long id = w.job().id();
            switch (w.outcome()) {
                case Outcome.Done d -> {
                    done.add(id);
                    codes.add(d.code());
                }
                case Outcome.Retry r -> queue.retryLater(c, id, w.delay(), r.reason(), r.code());
                case Outcome.Failed f -> queue.fail(c, id, f.reason(), f.code());
            }
        }
        if (!done.isEmpty()) queue.finish(c, done, codes);
        alsoRecord.record(c, batch.stream().map(w -> new JobWorker.Recorded<>(w.job(), w.outcome())).toList());
        return null;
    }

    private void closeKept() {
        try {
            if (kept != null) kept.close(); // back to the pool, rolled back
        } catch (SQLException ignored) {
            // a broken connection: the pool replaces it
        }
        kept = null;
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
        closeKept();
    }
}
