package de.allmende.db.queue;

import de.allmende.db.Database;
import de.allmende.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the jobs of one {@link LeasedQueue} — the one claim/lease/retry machinery of the inbox, the domain-event
 * consumers and delivery. It claims due rows when woken by a NOTIFY on the queue's channel (or every 250 ms, which
 * also picks up retries that became due, or by {@link #wake()}), starts those its {@link Admission} lets in on
 * virtual threads (the others go back to the queue at once) and writes each outcome by group commit
 * ({@link OutcomeWriter}). A job whose handler returns {@link Outcome.Retry}, throws {@link IOException} or hits
 * the database ({@link SQLException}, jOOQ's {@code DataAccessException}) is tried again on the
 * {@link RetrySchedule}, up to its attempts; any other exception fails it with the reason, and it never blocks
 * the queue. A job that is not marked done (a crash) runs again, so handlers must be idempotent.
 * While a job runs its lease is renewed, so only a dead (or stalled) process's jobs are taken over; a job that
 * waited longer than half its lease confirms its claim before it runs, so a stalled process does not run a job
 * another one has taken over.
 */
public final class JobWorker<J extends Job> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    /** What a job does; it may block (it runs on a virtual thread of its own). */
    @FunctionalInterface
    public interface Handler<J> {
        Outcome run(J job) throws IOException, SQLException;
    }

    /** A written outcome, for {@link AlsoRecord}: a retry that ran out of attempts is {@link Outcome.Failed} here. */
    public record Recorded<J>(J job, Outcome outcome) {}

    /** What else a queue records with its outcomes, in the same transaction (e.g. delivery: the hosts' health). */
    @FunctionalInterface
    public interface AlsoRecord<J> {
        void record(Connection c, List<Recorded<J>> batch) throws SQLException;

        static <J> AlsoRecord<J> nothing() {
            return (c, batch) -> { };
        }
    }

    /** How a queue is worked: its NOTIFY channel, for how long a claim holds, when to retry, where outcomes are written. */
    public record Settings(String name, String channel, Duration lease, RetrySchedule retries, OutcomeConnection outcomes) {}

    /** Where the outcomes are written: on a connection of the worker's own, or on pooled ones. */
    public enum OutcomeConnection {
        /**
         * Held while the worker lives, for queues with many jobs in flight (delivery): there the pool is busy, and
         * the outcomes must not queue behind the work they record.
         */
        OWN,
        /** A pooled connection per batch, for queues whose handlers leave the pool room. */
        POOLED
    }

    private final Database db;
    private final DataSource dataSource;
    private final LeasedQueue<J> queue;
    private final Settings settings;
    private final Admission<J> admission;
    private final Handler<J> handler;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final OutcomeWriter<J> outcomes;
    /** Renews the leases of jobs claimed and not yet recorded. */
    private final LeaseKeeper leases;
    private QueueLoop loop;
    /** How long {@link #close()} lets the jobs in flight finish. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Set by {@link #close()} once the grace is over: outcomes from then on are not recorded. */
    private volatile boolean abandoning;

    public JobWorker(Database db, LeasedQueue<J> queue, Settings settings, Admission<J> admission, Handler<J> handler) {
        this(db, queue, settings, admission, handler, AlsoRecord.nothing());
    }

    public JobWorker(Database db, LeasedQueue<J> queue, Settings settings, Admission<J> admission, Handler<J> handler,
                     AlsoRecord<J> alsoRecord) {
        this.db = db;
        this.dataSource = db.dataSource();
        this.queue = queue;
        this.settings = settings;
        this.admission = admission;
        this.handler = handler;
        this.outcomes = new OutcomeWriter<>(settings.name(), dataSource, queue, settings.outcomes(), alsoRecord);
        this.leases = new LeaseKeeper(settings.name(), settings.lease(),
                (ids, lease) -> Jdbc.transaction(dataSource, c -> queue.renewLeases(c, ids, lease)));
    }

    public JobWorker<J> start() {
        loop = new QueueLoop(settings.name(), db, settings.channel(), this::drain, this::untilDue).start();
        leases.start();
        admission.start(this::wake);
        return this;
    }

    /** Claim again soon (something freed capacity), without waiting for a NOTIFY. */
    public void wake() {
        if (loop != null) loop.wake();
    }

    private int drain() {
        int room = admission.room();
        if (room == 0) return 0;
        long claimedFrom = System.nanoTime(); // no later than the database's now() that starts the leases
        List<J> jobs = Jdbc.transaction(dataSource, c -> queue.claim(c, room, settings.lease(), admission.lanes()));
        List<J> giveBack = new ArrayList<>();
        int started = 0;
        for (J job : jobs) {
            leases.hold(job.id(), job.attempts()); // kept while it waits for a place, too
            Optional<Admission.Place> place = admission.enter(job);
            if (place.isEmpty()) {
                leases.release(job.id(), job.attempts());
                giveBack.add(job);
                continue;
            }
            started++;
            executor.submit(() -> {
                try (Admission.Place p = place.get()) {
                    run(job, claimedFrom);
                }
            });
        }
        if (!giveBack.isEmpty()) Jdbc.transaction(dataSource, c -> {
            queue.giveBack(c, giveBack);
            return null;
        });
        return started;
    }

    /**
     * While jobs of this worker are claimed (running, or waiting for a place) or there is no room, the loop looks again
     * soon, as it did always: a job may end with a retry, which no NOTIFY announces. Otherwise every pending row is in
     * the table, and the queue knows when the first comes due.
     */
    private Duration untilDue() {
        if (admission.room() == 0 || leases.holding()) return Duration.ZERO;
        return Jdbc.transaction(dataSource, c -> queue.untilDue(c)).orElse(Duration.ofMillis(QueueLoop.IDLE_MILLIS));
    }

    private void run(J job, long claimedFrom) {
        try {
            if (!claimStands(job, claimedFrom)) {
                LOG.debug("{} was claimed again meanwhile; not running it twice", job.describe());
                return;
            }
            Outcome outcome = outcomeOf(job);
            if (abandoning) {
                // Cut short by close(): an interrupted job's outcome says nothing about the job (it may read as failed).
                LOG.debug("{} cut short by the worker stopping; not recorded, it runs again", job.describe());
                return;
            }
            outcomes.write(new OutcomeWriter.Written<>(job, outcome, outcome instanceof Outcome.Retry
                    ? settings.retries().after(job.attempts()) : Duration.ZERO));
        } catch (RuntimeException e) {
            LOG.warn("{}: {}; its lease ends and it is claimed again", job.describe(), e.toString());
        } finally {
            leases.release(job.id(), job.attempts());
        }
    }

    /**
     * Until half of the lease has passed since the claim nobody else can have claimed the row, so only jobs that
     * waited longer (a stalled process whose lease may have run out) spend a statement on confirming.
     */
    private boolean claimStands(J job, long claimedFrom) {
        if (System.nanoTime() - claimedFrom < settings.lease().toNanos() / 2) return true;
        return Jdbc.transaction(dataSource, c -> queue.confirm(c, job, settings.lease()));
    }

    private Outcome outcomeOf(J job) {
        Outcome outcome;
        try {
            outcome = handler.run(job);
        } catch (IOException e) {
            outcome = Outcome.retry(e.getMessage());
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            // Our database (a full pool, a restart, a deadlock), not the job: try again later. Marking it failed
            // would lose work that was promised (an acknowledged activity, a published post).
            LOG.warn("{} not done, will retry: {}", job.describe(), e.getMessage());
            outcome = Outcome.retry("database: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.info("{} not done: {}", job.describe(), e.getMessage());
            outcome = Outcome.failed(String.valueOf(e.getMessage()));
        }
        if (outcome instanceof Outcome.Retry r && job.attempts() >= settings.retries().maxAttempts()) {
            return new Outcome.Failed("gave up: " + r.reason(), r.code());
        }
        return outcome;
    }

    /**
     * Stops claiming, gives the jobs in flight {@link #GRACE} to end (their outcomes are written), then interrupts the
     * rest and records nothing for them: their leases run out and they run again, here after a restart or in another
     * process. A delivery to a stalling inbox waits for its deadline, so without the cut a node stopped beside stalling
     * peers waited up to ten seconds.
     */
    @Override
    public void close() {
        leases.close();
        if (loop != null) loop.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandoning = true;
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.close(); // after the jobs: their outcomes are written before the worker stops
        admission.close();
    }
}
