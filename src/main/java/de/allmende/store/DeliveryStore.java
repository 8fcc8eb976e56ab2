package de.allmende.store;

import de.allmende.db.queue.Job;
import de.allmende.db.queue.LeasedQueue;
import org.jooq.DSLContext;

import java.util.Collection;

import static de.allmende.db.Tables.DELIVERY;

/** The durable delivery queue: one row per (activity, target inbox). */
public final class DeliveryStore {

    /** A claimed row; {@code hostDown}: its host failed on so many days that it counts as unavailable (see HostStore). */
    public record Delivery(long id, long activityId, long senderActorId, String inbox, String host, int attempts, boolean hostDown)
            implements Job {
        @Override
        public String describe() {
            return "delivery " + id + " to " + inbox;
        }
    }

    /**
     * The queue (see {@link LeasedQueue}): due rows by when they became due, with the host as lane — rows for hosts
     * at their limit stay queued, rows for hosts known to answer go first — and the last HTTP status as result code.
     * A claim also says whether each row's host is down (in the claiming statement, not one query per row).
     */
    public static final LeasedQueue<Delivery> QUEUE = new LeasedQueue<>(
            new LeasedQueue.Shape("delivery", "delivered", "id, activity_id, sender_actor_id, inbox, host, attempts,"
                    + " EXISTS (SELECT 1 FROM host_status s WHERE s.host = delivery.host AND s.unavailable_since IS NOT NULL)",
                    "next_attempt", "host", "last_status"),
            rs -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                    rs.getBoolean(7)),
            Delivery::id);

    /**
     * One row per distinct inbox, in one statement; an inbox that already has a row for this activity is
     * skipped, so enqueueing again (a retried or taken-over fan-out) adds nothing. Returns how many rows are new.
     */
    public int enqueue(DSLContext tx, long activityId, long senderActorId, Collection<String> inboxes) {
        if (inboxes.isEmpty()) return 0;
        int n = tx.execute("""
                INSERT INTO delivery (activity_id, sender_actor_id, inbox, host)
                SELECT ?, ?, inbox, host FROM unnest(?::text[], ?::text[]) AS d(inbox, host)
                ON CONFLICT (activity_id, inbox) DO NOTHING""", activityId, senderActorId, inboxes.toArray(String[]::new),
                inboxes.stream().map(i -> java.net.URI.create(i).getRawAuthority()).toArray(String[]::new));
        if (n > 0) tx.execute("SELECT pg_notify('allmende_delivery', '')"); // delivered on commit
        return n;
    }

    public int countPending(DSLContext tx) {
        return tx.fetchCount(DELIVERY, DELIVERY.DELIVERED.isNull().and(DELIVERY.FAILED.isNull()));
    }

    public int countDelivered(DSLContext tx) {
        return tx.fetchCount(DELIVERY, DELIVERY.DELIVERED.isNotNull());
    }
}
