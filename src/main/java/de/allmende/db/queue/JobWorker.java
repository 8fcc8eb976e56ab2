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
    private final ConcurrentLinkedQueue<J> finished = new ConcurrentLinkedQueue<>();
    /** Renews the leases of jobs claimed and not yet recorded. */
    private final LeaseKeeper leases;
    private QueueLoop loop;

    public JobWorker(DataSource dataSource, LeasedQueue<J> queue, Settings settings, Handler<J> handler) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.settings = settings;
        this.handler = handler;
        this.slots = new Semaphore(settings.parallel());
        this.leases = new LeaseKeeper(settings.name(), settings.lease(),
                (ids, lease) -> Jdbc.transaction(dataSource, c -> queue.renewLeases(c, ids, lease)));
    }

    public JobWorker<J> start() {
        loop = new QueueLoop(settings.name(), dataSource, settings.channel(), this::drain).start();
        leases.start();
        return this;
    }

    private int drain() {
        flushFinished();
        int free = slots.availablePermits();
        if (free == 0) return 0;
        List<J> jobs = Jdbc.transaction(dataSource, c -> queue.claim(c, Math.min(free * 4, 128), settings.lease()));
        for (J job : jobs) {
            leases.hold(job.id(), job.attempts());
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
            finished.add(job); // marked by the next drain, with others
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
            leases.release(job.id(), job.attempts());
        }
    }

    /** Marks finished jobs, many per statement. */
    private void flushFinished() {
        if (finished.isEmpty()) return;
        List<J> jobs = new ArrayList<>();
        for (J job; (job = finished.poll()) != null; ) jobs.add(job);
        try {
            Jdbc.transaction(dataSource, c -> {
                queue.finish(c, jobs.stream().map(Job::id).toList());
                return null;
            });
        } catch (RuntimeException e) {
            finished.addAll(jobs); // still held (their leases kept): marked by a later drain
            throw e;
        }
        jobs.forEach(job -> leases.release(job.id(), job.attempts()));
    }

    @Override
    public void close() {
        leases.close();
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flushFinished();
        } catch (RuntimeException e) {
            LOG.debug("could not mark the last {} jobs finished; they will run again: {}", settings.name(), e.getMessage());
        }
    }
}
