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

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Runs the consumers of domain events from their durable jobs (see {@link EventStore}) on the shared
 * {@link JobWorker}: every process runs one, and each job is claimed by one of them. A consumer must be
 * idempotent: a job whose process died before it was marked done runs again once its lease has ended.
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

    private final Database db;
    private final EventStore events = new EventStore();
    private final Map<Consumer, RecordedHandler> handlers = new EnumMap<>(Consumer.class);
    private final JobWorker<EventJob> worker;

    /** @param lease how long a claimed job is reserved for its process; a dead process's jobs run again after it */
    public EventWorker(Database db, Duration lease) {
        this.db = db;
        this.worker = new JobWorker<>(db.dataSource(), EventStore.JOBS,
                new JobWorker.Settings("events", EventStore.CHANNEL, lease, BACKOFF, JobWorker.OutcomeConnection.POOLED),
                Admission.upTo(PARALLEL), this::run);
    }

    public EventWorker on(Consumer consumer, Handler handler) {
        return onRecorded(consumer, (id, event) -> handler.apply(event));
    }

    public EventWorker onRecorded(Consumer consumer, RecordedHandler handler) {
        handlers.put(consumer, handler);
        return this;
    }

    public EventWorker start() {
        for (Consumer c : Consumer.values()) {
            if (!handlers.containsKey(c)) throw new IllegalStateException("no handler for the " + c.stored() + " consumer");
        }
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
        worker.close();
    }
}
