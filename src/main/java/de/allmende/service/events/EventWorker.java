package de.allmende.service.events;

import de.allmende.db.Database;
import de.allmende.db.queue.Admission;
import de.allmende.db.queue.Backoff;
import de.allmende.db.queue.JobWorker;
import de.allmende.db.queue.Outcome;
import de.allmende.domain.event.Consumer;
import de.allmende.domain.event.DomainEvent;
import de.allmende.store.EventStore;
import de.allmende.store.EventStore.EventJob;
import org.jooq.DSLContext;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the consumers of domain events from their durable jobs (see {@link EventStore}) on the shared
 * {@link JobWorker}: every process runs one, and each job is claimed by one of them. A consumer must be
 * idempotent: a job whose process died before it was marked done runs again once its lease has ended. Consumers
 * registered with {@link #onBatch} take their jobs in batches instead ({@link EventBatches}).
 */
public final class EventWorker implements AutoCloseable {
    private static final int PARALLEL = 8;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(10), 20);

    /** What a consumer does with one event. */
    @FunctionalInterface
    public interface Handler {
        void apply(DomainEvent event) throws IOException, SQLException;
    }

    /** What a consumer does with one event, knowing its id (to do its work once per event, also when retried). */
    @FunctionalInterface
    public interface RecordedHandler {
        void apply(long eventId, DomainEvent event) throws IOException, SQLException;
    }

    /** An event with its id, as a batch holds it. */
    public record Recorded(long eventId, DomainEvent event) {}

    /**
     * What a batched consumer does with the events of up to {@value EventBatches#BATCH} jobs, in the transaction
     * {@code tx} that claimed them and marks them done (so a change it makes there commits with that mark, or not at all).
     * Throwing undoes the batch; its jobs are then applied one by one.
     */
    @FunctionalInterface
    public interface BatchHandler {
        void apply(DSLContext tx, List<Recorded> events) throws IOException, SQLException;

        /** A consumer whose work is per event, in transactions of its own, run for each event of a batch in turn. */
        static BatchHandler eachOf(RecordedHandler handler) {
            return (tx, events) -> {
                for (Recorded r : events) handler.apply(r.eventId(), r.event());
            };
        }
    }

    private final Database db;
    private final EventStore events = new EventStore();
    private final Map<Consumer, RecordedHandler> handlers = new EnumMap<>(Consumer.class);
    private final Map<Consumer, BatchHandler> batched = new EnumMap<>(Consumer.class);
    private final Map<Consumer, Integer> parallelBatches = new EnumMap<>(Consumer.class);
    private final Duration lease;
    private JobWorker<EventJob> worker;
    private EventBatches batches;

    /** @param lease how long a claimed job is reserved for its process; a dead process's jobs run again after it */
    public EventWorker(Database db, Duration lease) {
        this.db = db;
        this.lease = lease;
    }

    public EventWorker on(Consumer consumer, Handler handler) {
        return onRecorded(consumer, (id, event) -> handler.apply(event));
    }

    public EventWorker onRecorded(Consumer consumer, RecordedHandler handler) {
        batched.remove(consumer);
        handlers.put(consumer, handler);
        return this;
    }

    /** A consumer that takes its jobs in batches (see {@link EventBatches}) instead of one job at a time. */
    public EventWorker onBatch(Consumer consumer, BatchHandler handler) {
        return onBatch(consumer, 1, handler);
    }

    /**
     * A batched consumer with {@code parallel} batches at once per process: only for a consumer whose result does not
     * depend on the order its events are applied in (the search index writes each post's current state, under its lock).
     */
    public EventWorker onBatch(Consumer consumer, int parallel, BatchHandler handler) {
        handlers.remove(consumer);
        batched.put(consumer, handler);
        parallelBatches.put(consumer, parallel);
        return this;
    }

    public EventWorker start() {
        for (Consumer c : Consumer.values()) {
            if (!handlers.containsKey(c) && !batched.containsKey(c)) {
                throw new IllegalStateException("no handler for the " + c.stored() + " consumer");
            }
        }
        // The single jobs' claims take only their consumers' jobs, leaving the others' to their batches.
        worker = new JobWorker<>(db, EventStore.jobsOf(handlers.keySet()),
                new JobWorker.Settings("events", EventStore.CHANNEL, lease, BACKOFF, JobWorker.OutcomeConnection.POOLED),
                Admission.upTo(PARALLEL), this::run);
        if (!batched.isEmpty()) batches = new EventBatches(db, BACKOFF, batched, parallelBatches).start();
        worker.start();
        return this;
    }

    private Outcome run(EventJob job) throws IOException, SQLException {
        Consumer consumer = java.util.Arrays.stream(Consumer.values()).filter(c -> c.stored().equals(job.consumer())).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown consumer " + job.consumer()));
        DomainEvent event = events.find(db.dsl(), job.eventId())
                .orElseThrow(() -> new IllegalStateException("event " + job.eventId() + " is gone or of an unknown kind"));
        handlers.get(consumer).apply(job.eventId(), event);
        return Outcome.DONE;
    }

    @Override
    public void close() {
        if (worker != null) worker.close();
        if (batches != null) batches.close();
    }
}
