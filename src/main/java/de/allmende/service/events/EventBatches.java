package de.allmende.service.events;

import de.allmende.db.Database;
import de.allmende.db.queue.QueueLoop;
import de.allmende.db.queue.RetrySchedule;
import de.allmende.domain.event.Consumer;
import de.allmende.domain.event.DomainEvent;
import de.allmende.store.EventStore;
import de.allmende.store.EventStore.BatchJob;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The consumers of domain events that take their jobs in batches (see {@link EventWorker#onBatch}): a backfill stores
 * hundreds of posts a second, each with a job for the search index, streaming, notifications and topic groups, and
 * one claim, one transaction and one outcome per job cost more than most of those consumers' work.
 *
 * <p>Each consumer has a virtual thread that claims up to {@value #BATCH} due jobs by locking their rows
 * ({@link EventStore#claimBatch}), applies them and marks them done, all in one transaction: a crash undoes all of
 * it (nothing is lost; the jobs are due again at once), and other processes skip the locked rows (nothing is done
 * twice at once). If a batch fails, its jobs are tried one by one, each in a transaction of its own, so that one bad
 * event does not hold up the others; a job that fails alone is retried on the worker's schedule, or given up. The
 * threads are woken by one loop listening on {@link EventStore#BATCH_CHANNEL} (and every 250 ms), which holds the only
 * connection they keep while idle.
 */
final class EventBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBatches.class);
    static final int BATCH = 100;
    private static final Duration RESCAN = Duration.ofSeconds(5);

    private final Database db;
    private final RetrySchedule retries;
    private final EventStore events = new EventStore();
    private final List<Runner> runners = new ArrayList<>();
    private volatile boolean running = true;
    /**
     * Wakes the runners on a NOTIFY on {@link EventStore#BATCH_CHANNEL}, when a retry comes due, and every few seconds
     * (see {@link QueueLoop}).
     */
    private QueueLoop loop;

    /** @param parallel how many batches of a consumer may run at once (1 if not given) */
    EventBatches(Database db, RetrySchedule retries, Map<Consumer, EventWorker.BatchHandler> handlers, Map<Consumer, Integer> parallel) {
        this.db = db;
        this.retries = retries;
        handlers.forEach((consumer, handler) -> {
            for (int i = 0; i < parallel.getOrDefault(consumer, 1); i++) runners.add(new Runner(consumer, handler, i));
        });
    }

    EventBatches start() {
        runners.forEach(r -> r.thread.start());
        de.allmende.db.queue.LeasedQueue<?> jobs = EventStore.jobsOf(runners.stream().map(r -> r.consumer).distinct().toList());
        loop = new QueueLoop("event-batches", db, EventStore.BATCH_CHANNEL, () -> {
            wake();
            return 0;
        }, () -> de.allmende.db.Jdbc.transaction(db.dataSource(), c -> jobs.untilDue(c)).orElse(Duration.ofDays(1))).start();
        return this;
    }

    /** Something may be due: every consumer looks. Returns at once. */
    void wake() {
        runners.forEach(Runner::wake);
    }

    private final class Runner {
        final Consumer consumer;
        final EventWorker.BatchHandler handler;
        final Semaphore woken = new Semaphore(0);
        final Thread thread;
        /**
         * Where the next claim starts: the first job of the last batch; from the start again every few seconds, for jobs
         * left behind (due again after a retry, or locked by another process when passed).
         */
        long from;
        long fromSetAt = System.nanoTime();

        Runner(Consumer consumer, EventWorker.BatchHandler handler, int number) {
            this.consumer = consumer;
            this.handler = handler;
            this.thread = Thread.ofVirtual().name("events-" + consumer.stored() + "-" + number).unstarted(this::run);
        }

        void wake() {
            if (woken.availablePermits() == 0) woken.release();
        }

        private void run() {
            while (running) {
                int taken = 0;
                try {
                    taken = drain();
                } catch (RuntimeException e) {
                    LOG.warn("{} batches: {}; trying again soon", consumer.stored(), e.toString());
                }
                if (taken > 0) continue;
                try {
                    woken.acquire(); // the loop wakes the runners when something is due
                    woken.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** One batch; returns how many jobs it took. */
        private int drain() {
            List<BatchJob> claimed = new ArrayList<>();
            try {
                return db.dsl().transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    if (System.nanoTime() - fromSetAt > RESCAN.toNanos()) {
                        from = 0;
                        fromSetAt = System.nanoTime();
                    }
                    claimed.addAll(events.claimBatch(tx, consumer.stored(), from, BATCH));
                    apply(tx, claimed);
                    if (!claimed.isEmpty()) from = claimed.getFirst().id();
                    return claimed.size();
                });
            } catch (RuntimeException e) {
                if (claimed.isEmpty()) throw e; // not even claimed: the database, tried again on the next wake
                LOG.info("{}: a batch of {} failed ({}); its jobs one by one", consumer.stored(), claimed.size(), e.toString());
                for (BatchJob job : claimed) alone(job);
                return claimed.size();
            }
        }

        /** Applies the known events and marks their jobs done; a job whose event is of an unknown kind fails for good. */
        private void apply(DSLContext tx, List<BatchJob> jobs) throws IOException, SQLException {
            List<EventWorker.Recorded> known = new ArrayList<>();
            for (BatchJob job : jobs) {
                if (job.event().isPresent()) known.add(new EventWorker.Recorded(job.eventId(), job.event().get()));
                else events.batchAttemptFailed(tx, job.id(), "event " + job.eventId() + " is of an unknown kind", Optional.empty());
            }
            if (!known.isEmpty()) handler.apply(tx, known);
            events.batchDone(tx, jobs.stream().filter(j -> j.event().isPresent()).map(BatchJob::id).toList());
        }

        private void alone(BatchJob job) {
            try {
                db.dsl().transaction(cfg -> {
                    Optional<BatchJob> claimed = events.claimOne(cfg.dsl(), consumer.stored(), job.id());
                    if (claimed.isPresent()) apply(cfg.dsl(), List.of(claimed.get()));
                });
            } catch (RuntimeException e) {
                // A database or I/O trouble (jOOQ wraps checked exceptions in DataAccessException) is tried again later,
                // anything else is the event's own fault: given up at once, as the worker of single jobs does.
                boolean transientTrouble = e instanceof org.jooq.exception.DataAccessException;
                int attempts = job.attempts() + 1;
                Optional<Duration> again = transientTrouble && attempts < retries.maxAttempts()
                        ? Optional.of(retries.after(attempts)) : Optional.empty();
                LOG.info("{} of event {} not done ({}){}", consumer.stored(), job.eventId(), e.toString(),
                        again.map(d -> "; again in " + d).orElse("; given up"));
                db.dsl().transaction(cfg -> events.batchAttemptFailed(cfg.dsl(), job.id(), String.valueOf(e.getMessage()), again));
                if (again.isPresent() && loop != null) loop.wake(); // it learns when the retry is due
            }
        }
    }

    @Override
    public void close() {
        if (loop != null) loop.close();
        running = false;
        for (Runner r : runners) {
            r.wake();
            try {
                r.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
