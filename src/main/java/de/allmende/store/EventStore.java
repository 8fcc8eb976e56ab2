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
import java.util.Optional;

/**
 * The domain event log and its consumers' jobs. {@link #record} writes an event inside the caller's
 * transaction, with one job per {@link Consumer} that wants it: the event, its jobs and the change it
 * describes commit together or not at all. The jobs are a {@link LeasedQueue}; a NOTIFY on {@link #CHANNEL}
 * (sent by PostgreSQL only if the transaction commits) wakes the workers of every process.
 */
public final class EventStore {
    public static final String CHANNEL = "allmende_events";
    /** Events keep their own JSON: plain Jackson over the records, no ActivityStreams involved. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A consumer's job: apply event {@code eventId}. */
    public record EventJob(long id, String consumer, long eventId, int attempts) implements Job {
        @Override
        public String describe() {
            return consumer + " of event " + eventId;
        }
    }

    public static final LeasedQueue<EventJob> JOBS = new LeasedQueue<>("event_job", "done", "id, consumer, event_id, attempts",
            rs -> new EventJob(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4)), EventJob::id);

    /** Records {@code event} in the transaction {@code tx}; returns its id. */
    public long record(DSLContext tx, DomainEvent event) {
        return record(tx, event, null);
    }

    /** Records {@code event} with its consumers' jobs due at {@code due} (not before), e.g. to gather what follows it. */
    public long recordDue(DSLContext tx, DomainEvent event, java.time.Instant due) {
        return record(tx, event, java.time.OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC));
    }

    private long record(DSLContext tx, DomainEvent event, java.time.OffsetDateTime due) {
        String[] consumers = Arrays.stream(Consumer.values()).filter(c -> c.wants(event)).map(Consumer::stored).toArray(String[]::new);
        long id = ((Number) tx.fetchValue("""
                WITH e AS (INSERT INTO domain_event (kind, actor, subject, payload) VALUES (?, ?, ?, ?::jsonb) RETURNING id),
                     j AS (INSERT INTO event_job (consumer, event_id, next_attempt)
                           SELECT c, e.id, coalesce(?::timestamptz, now()) FROM e, unnest(?::text[]) AS c)
                SELECT id FROM e""", event.kind(), event.actor().toString(),
                event.subject() == null ? null : event.subject().toString(), write(event), due, consumers)).longValue();
        if (consumers.length > 0) tx.execute("SELECT pg_notify('" + CHANNEL + "', '')");
        return id;
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
