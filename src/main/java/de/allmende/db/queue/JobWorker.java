package de.allmende.db.queue;

import de.allmende.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs the jobs of one {@link LeasedQueue}: claims due rows when woken by a NOTIFY on the queue's channel (or
 * every 250 ms, which also picks up retries that became due), runs up to {@code parallel} at once on virtual
 * threads, and records the outcome. A job that returns is finished (marked in batches: a crash before the mark
 * only runs it again, so handlers must be idempotent). One that throws {@link IOException} or hits the database
 * ({@link SQLException}, jOOQ's {@code DataAccessException}) is tried again after {@link Backoff}, up to
 * {@code maxAttempts}; any other exception marks it failed with the reason, and it never blocks the queue.
 * While a job runs its lease is renewed, so only a dead (or stalled) process's jobs are taken over.
 */
public final class JobWorker<J extends Job> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** What a job does; it may block (it runs on a virtual thread of its own). */
    @FunctionalInterface
    public interface Handler<J> {
        void run(J job) throws IOException, SQLException;
    }

    /** How a queue is worked: its NOTIFY channel, how many jobs at once, for how long a claim holds, when to retry. */
    public record Settings(String name, String channel, int parallel, int maxAttempts, Duration lease, Backoff backoff) {}

    private final DataSource dataSource;
    private final LeasedQueue<J> queue;
    private final Settings settings;
    private final Handler<J> handler;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Long> finished = new ConcurrentLinkedQueue<>();
    /** Jobs claimed and not yet recorded, whose leases the keeper renews. */
    private final Map<Long, Boolean> held = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private QueueLoop loop;
    private Thread leaseKeeper;

    public JobWorker(DataSource dataSource, LeasedQueue<J> queue, Settings settings, Handler<J> handler) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.settings = settings;
        this.handler = handler;
        this.slots = new Semaphore(settings.parallel());
    }

    public JobWorker<J> start() {
        loop = new QueueLoop(settings.name(), dataSource, settings.channel(), this::drain).start();
        leaseKeeper = Thread.ofVirtual().name(settings.name() + "-leases").start(this::keepLeases);
        return this;
    }

    private int drain() {
        flushFinished();
        int free = slots.availablePermits();
        if (free == 0) return 0;
        List<J> jobs = Jdbc.transaction(dataSource, c -> queue.claim(c, Math.min(free * 4, 128), settings.lease()));
        for (J job : jobs) {
            held.put(job.id(), Boolean.TRUE);
            slots.acquireUninterruptibly();
            executor.submit(() -> {
                try {
                    run(job);
                } finally {
                    slots.release();
                }
            });
        }
        return jobs.size();
    }

    private void run(J job) {
        try {
            handler.run(job);
            finished.add(job.id()); // marked by the next drain, with others
        } catch (IOException e) {
            retryOrGiveUp(job, e.getMessage());
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            // Our database (a full pool, a restart, a deadlock), not the job: try again later. Marking it failed
            // would lose work that was promised (an acknowledged activity, a published post).
            LOG.warn("{} not done, will retry: {}", job.describe(), e.getMessage());
            retryOrGiveUp(job, "database: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.info("{} not done: {}", job.describe(), e.getMessage());
            record(job, c -> queue.fail(c, job.id(), String.valueOf(e.getMessage())));
        }
    }

    private void retryOrGiveUp(J job, String reason) {
        if (job.attempts() >= settings.maxAttempts()) record(job, c -> queue.fail(c, job.id(), "gave up: " + reason));
        else record(job, c -> queue.retryLater(c, job.id(), settings.backoff().after(job.attempts()), reason));
    }

    private interface Step {
        void run(java.sql.Connection c) throws SQLException;
    }

    private void record(J job, Step step) {
        try {
            Jdbc.transaction(dataSource, c -> {
                step.run(c);
                return null;
            });
        } catch (RuntimeException stillDown) {
            LOG.debug("could not record the outcome of {}; its lease ends and it is claimed again", job.describe());
        } finally {
            held.remove(job.id());
        }
    }

    /** Marks finished jobs, many per statement. */
    private void flushFinished() {
        if (finished.isEmpty()) return;
        List<Long> ids = new ArrayList<>();
        for (Long id; ids.size() < 1000 && (id = finished.poll()) != null; ) ids.add(id);
        Jdbc.transaction(dataSource, c -> {
            queue.finish(c, ids);
            return null;
        });
        ids.forEach(held::remove);
    }

    private void keepLeases() {
        while (running) {
            try {
                Thread.sleep(settings.lease().dividedBy(3));
                if (!held.isEmpty()) Jdbc.transaction(dataSource, c -> queue.renewLeases(c, List.copyOf(held.keySet()), settings.lease()));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) LOG.warn("renewing {} leases failed: {}", settings.name(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (leaseKeeper != null) leaseKeeper.interrupt();
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            while (!finished.isEmpty()) flushFinished();
        } catch (RuntimeException e) {
            LOG.debug("could not mark the last {} jobs finished; they will run again: {}", settings.name(), e.getMessage());
        }
    }
}
