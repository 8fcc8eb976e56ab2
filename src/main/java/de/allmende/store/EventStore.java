package de.allmende.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.db.queue.Job;
import de.allmende.db.queue.LeasedQueue;
import de.allmende.domain.event.Consumer;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.EventKinds;
import org.jooq.DSLContext;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The domain event log and its consumers' jobs. {@link #record} writes an event inside the caller's
 * transaction, with one job per {@link Consumer} that wants it: the event, its jobs and the change it
 * describes commit together or not at all. The jobs are a {@link LeasedQueue}; a NOTIFY on {@link #CHANNEL}
 * (sent by PostgreSQL only if the transaction commits) wakes the workers of every process.
 */
public final class EventStore {
    public static final String CHANNEL = "allmende_events";
    /** Where jobs of the batched consumers ({@link Consumer#batched()}) are announced, so they do not wake the others' worker. */
    public static final String BATCH_CHANNEL = "allmende_event_batches";
    /** Events keep their own JSON: plain Jackson over the records, no ActivityStreams involved. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A consumer's job: apply event {@code eventId}. */
    public record EventJob(long id, String consumer, long eventId, int attempts) implements Job {
        @Override
        public String describe() {
            return consumer + " of event " + eventId;
        }
    }

    /**
     * The jobs of some consumers as a queue: the worker of single jobs leaves the batched consumers' jobs to their
     * batches ({@code service.events.EventBatches}). Index {@code event_job_pending_consumer} (V31) serves its claims.
     */
    public static LeasedQueue<EventJob> jobsOf(java.util.Collection<Consumer> consumers) {
        String names = consumers.stream().map(c -> "'" + c.stored() + "'").collect(java.util.stream.Collectors.joining(", "));
        return new LeasedQueue<>(LeasedQueue.Shape.of("event_job", "done", "id, consumer, event_id, attempts").only("consumer IN (" + names + ")"),
                rs -> new EventJob(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)), EventJob::id);
    }

    /** Records {@code event} in the transaction {@code tx}; returns its id. */
    public long record(DSLContext tx, DomainEvent event) {
        return record(tx, event, null);
    }

    /** Records {@code event} with its consumers' jobs due at {@code due} (not before), e.g. to gather what follows it. */
    public long recordDue(DSLContext tx, DomainEvent event, java.time.Instant due) {
        return record(tx, event, java.time.OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC));
    }

    /** An event to record with the jobs of {@code consumers}, as {@link #recordAll} takes it. */
    public record Recording(DomainEvent event, List<Consumer> consumers) {
        /** With a job for every consumer that wants it, as {@link #record} does. */
        public static Recording of(DomainEvent event) {
            return new Recording(event, Arrays.stream(Consumer.values()).filter(c -> c.wants(event)).toList());
        }

        /** About history (an old post read by a backfill): jobs only for the consumers that want history. */
        public static Recording ofHistory(DomainEvent event, boolean addressedHere) {
            return new Recording(event, Arrays.stream(Consumer.values()).filter(c -> c.wantsHistory(event, addressedHere)).toList());
        }
    }

    /**
     * Records events in one statement, in the order given (their ids follow it), each with its consumers' jobs; the
     * workers are woken when {@code tx} commits. A backfill records a page's events so.
     */
    public void recordAll(DSLContext tx, List<Recording> events) {
        if (events.isEmpty()) return;
        tx.fetch("""
                WITH d AS (SELECT nextval(pg_get_serial_sequence('domain_event', 'id')) AS id, d.*
                           FROM (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                                      AS d(kind, actor, subject, payload, consumers, n) ORDER BY n) d),
                     e AS (INSERT INTO domain_event (id, kind, actor, subject, payload) OVERRIDING SYSTEM VALUE
                           SELECT id, kind, actor, subject, payload::jsonb FROM d),
                     j AS (INSERT INTO event_job (consumer, event_id, next_attempt)
                           SELECT c, d.id, now() FROM d, unnest(string_to_array(d.consumers, ',')) AS c)
                SELECT CASE WHEN ?::boolean THEN pg_notify(?::text, '') END, CASE WHEN ?::boolean THEN pg_notify(?::text, '') END""",
                events.stream().map(r -> r.event().kind()).toArray(String[]::new),
                events.stream().map(r -> r.event().actor().toString()).toArray(String[]::new),
                events.stream().map(r -> r.event().subject() == null ? null : r.event().subject().toString()).toArray(String[]::new),
                events.stream().map(r -> write(r.event())).toArray(String[]::new),
                events.stream().map(r -> r.consumers().stream().map(Consumer::stored).collect(java.util.stream.Collectors.joining(",")))
                        .toArray(String[]::new),
                events.stream().anyMatch(r -> r.consumers().stream().anyMatch(c -> !c.batched())), CHANNEL,
                events.stream().anyMatch(r -> r.consumers().stream().anyMatch(Consumer::batched)), BATCH_CHANNEL);
    }

    /** The event, its jobs and the wake-up of their workers in one statement (it runs for every stored post). */
    private long record(DSLContext tx, DomainEvent event, java.time.OffsetDateTime due) {
        List<Consumer> wanting = Recording.of(event).consumers();
        String[] consumers = wanting.stream().map(Consumer::stored).toArray(String[]::new);
        return tx.fetchSingle("""
                WITH e AS (INSERT INTO domain_event (kind, actor, subject, payload) VALUES (?, ?, ?, ?::jsonb) RETURNING id),
                     j AS (INSERT INTO event_job (consumer, event_id, next_attempt)
                           SELECT c, e.id, coalesce(?::timestamptz, now()) FROM e, unnest(?::text[]) AS c)
                SELECT id, CASE WHEN ?::boolean THEN pg_notify(?::text, '') END, CASE WHEN ?::boolean THEN pg_notify(?::text, '') END FROM e""",
                event.kind(), event.actor().toString(), event.subject() == null ? null : event.subject().toString(), write(event), due,
                consumers, wanting.stream().anyMatch(c -> !c.batched()), CHANNEL, wanting.stream().anyMatch(Consumer::batched),
                BATCH_CHANNEL).get(0, Long.class);
    }

    /** A job of a batched consumer, locked by the transaction that claimed it, with its event (empty: of a kind unknown here). */
    public record BatchJob(long id, long eventId, int attempts, Optional<DomainEvent> event) {}

    /** The jobs first (by index event_job_pending_consumer, V31), then their events. */
    private static final String BATCH_CLAIM = """
            WITH j AS (SELECT id, event_id, attempts FROM event_job
                       WHERE done IS NULL AND failed IS NULL AND consumer = ? AND id >= ? %s AND next_attempt <= now()
                         AND (lease_until IS NULL OR lease_until < now())
                       ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            SELECT j.id, j.event_id, j.attempts, e.kind, e.payload::text FROM j JOIN domain_event e ON e.id = j.event_id ORDER BY j.id""";

    /**
     * Claims up to {@code limit} due jobs of {@code consumer}, oldest first, by locking their rows until {@code tx} ends
     * (other workers and processes skip them): a batch is claimed, applied and marked done in one transaction, so a
     * crash undoes all three and the jobs are due again at once, with no lease to wait for. Only jobs from
     * {@code fromId} on are looked at: the index still lists jobs done since the last vacuum, and a consumer working
     * through a backlog would otherwise step over all of them at every claim.
     */
    public List<BatchJob> claimBatch(DSLContext tx, String consumer, long fromId, int limit) {
        return tx.fetch(BATCH_CLAIM.formatted(""), consumer, fromId, limit).map(EventStore::batchJob);
    }

    /** Claims one job of {@code consumer} as {@link #claimBatch} does, if it is still due and not locked by anyone. */
    public Optional<BatchJob> claimOne(DSLContext tx, String consumer, long jobId) {
        return tx.fetch(BATCH_CLAIM.formatted("AND id = ?"), consumer, jobId, jobId, 1).stream().findFirst().map(EventStore::batchJob);
    }

    /** Marks claimed jobs done, counting the attempt. */
    public void batchDone(DSLContext tx, List<Long> jobIds) {
        if (jobIds.isEmpty()) return;
        tx.execute("UPDATE event_job SET done = now(), attempts = attempts + 1, lease_until = NULL WHERE id = ANY(?::bigint[])",
                (Object) jobIds.toArray(Long[]::new));
    }

    /** Counts a failed attempt of a job: due again after {@code retryIn}, or given up for good if that is empty. */
    public void batchAttemptFailed(DSLContext tx, long jobId, String error, Optional<java.time.Duration> retryIn) {
        tx.execute("""
                UPDATE event_job SET attempts = attempts + 1, last_error = ?, lease_until = NULL,
                    next_attempt = now() + make_interval(secs => ?), failed = CASE WHEN ? THEN now() END
                WHERE id = ? AND done IS NULL AND failed IS NULL""", error, retryIn.map(d -> d.toMillis() / 1000.0).orElse(0.0),
                retryIn.isEmpty(), jobId);
    }

    private static BatchJob batchJob(org.jooq.Record r) {
        Optional<DomainEvent> event = EventKinds.typeOf(r.get(3, String.class)).map(type -> read(r.get(4, String.class), type));
        return new BatchJob(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Integer.class), event);
    }

    /** The event stored as {@code id}; empty if it is gone or of a kind this version does not know. */
    public Optional<DomainEvent> find(DSLContext tx, long id) {
        return tx.fetchOptional("SELECT kind, payload::text FROM domain_event WHERE id = ?", id)
                .flatMap(r -> EventKinds.typeOf(r.get(0, String.class)).map(type -> read(r.get(1, String.class), type)));
    }

    private static String write(DomainEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.kind(), e);
        }
    }

    private static DomainEvent read(String payload, Class<? extends DomainEvent> type) {
        try {
            return JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is unreadable", e);
        }
    }
}
