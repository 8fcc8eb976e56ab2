package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static de.allmende.db.Tables.DELIVERY;

/** The durable delivery queue: one row per (activity, target inbox). */
public final class DeliveryStore {

    public record Delivery(long id, long activityId, long senderActorId, String inbox, String host, int attempts) {}

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

    /** Claims due rows (see InboxStore#claimDue for the locking scheme). */
    public List<Delivery> claimDue(DSLContext tx, int limit, Duration lease) {
        return claimDue(tx, limit, lease, java.util.Set.of(), java.util.Set.of());
    }

    /**
     * Claims due rows except those for {@code busyHosts} (hosts at their concurrency limit keep their rows queued),
     * rows for {@code preferredHosts} (hosts known to answer) first.
     */
    public List<Delivery> claimDue(DSLContext tx, int limit, Duration lease, Collection<String> busyHosts,
                                   Collection<String> preferredHosts) {
        // (a constant would be read as a column position: ORDER BY 0 is an error)
        org.jooq.SortField<?>[] order = preferredHosts.isEmpty() ? new org.jooq.SortField<?>[]{DELIVERY.NEXT_ATTEMPT.asc()}
                : new org.jooq.SortField<?>[]{DSL.when(DELIVERY.HOST.eq(DSL.any(preferredHosts.toArray(String[]::new))), DSL.inline(0))
                        .otherwise(DSL.inline(1)).asc(), DELIVERY.NEXT_ATTEMPT.asc()};
        var due = DSL.select(DELIVERY.ID).from(DELIVERY)
                .where(DELIVERY.DELIVERED.isNull(), DELIVERY.FAILED.isNull(), DELIVERY.NEXT_ATTEMPT.le(DSL.currentOffsetDateTime()),
                        DELIVERY.LEASE_UNTIL.isNull().or(DELIVERY.LEASE_UNTIL.lt(DSL.currentOffsetDateTime())),
                        busyHosts.isEmpty() ? DSL.noCondition() : DELIVERY.HOST.notEqual(DSL.all(busyHosts.toArray(String[]::new))))
                .orderBy(order).limit(limit).forUpdate().skipLocked();
        return tx.update(DELIVERY)
                .set(DELIVERY.LEASE_UNTIL, leaseEnd(lease))
                .set(DELIVERY.ATTEMPTS, DELIVERY.ATTEMPTS.plus(1))
                .where(DELIVERY.ID.in(due))
                .returning(DELIVERY.ID, DELIVERY.ACTIVITY_ID, DELIVERY.SENDER_ACTOR_ID, DELIVERY.INBOX, DELIVERY.HOST, DELIVERY.ATTEMPTS)
                .fetch(r -> new Delivery(r.getId(), r.getActivityId(), r.getSenderActorId(), r.getInbox(), r.getHost(), r.getAttempts()));
    }

    /**
     * Just before a claimed row is sent: true if the claim is still this worker's. Every claim raises
     * {@code attempts}, so an unchanged count proves nobody claimed the row again after its lease ran
     * out (for example while this process was stalled); the lease is renewed for the send.
     */
    public boolean confirmClaim(DSLContext tx, long id, int attempts, Duration lease) {
        return tx.update(DELIVERY).set(DELIVERY.LEASE_UNTIL, leaseEnd(lease))
                .where(DELIVERY.ID.eq(id), DELIVERY.ATTEMPTS.eq(attempts), DELIVERY.DELIVERED.isNull(), DELIVERY.FAILED.isNull())
                .execute() == 1;
    }

    /** Keeps the leases of rows a live worker still holds (queued behind a slow host, or being sent). */
    public int renewLeases(DSLContext tx, Collection<Long> ids, Duration lease) {
        return tx.update(DELIVERY).set(DELIVERY.LEASE_UNTIL, leaseEnd(lease))
                .where(DELIVERY.ID.in(ids), DELIVERY.DELIVERED.isNull(), DELIVERY.FAILED.isNull()).execute();
    }

    private static org.jooq.Field<java.time.OffsetDateTime> leaseEnd(Duration lease) {
        return DSL.currentOffsetDateTime().plus(DSL.inline(lease.toMillis() / 86_400_000.0));
    }

    public void markDelivered(DSLContext tx, long id, int status) {
        tx.update(DELIVERY).set(DELIVERY.DELIVERED, DSL.currentOffsetDateTime()).set(DELIVERY.LAST_STATUS, status)
                .setNull(DELIVERY.LEASE_UNTIL).where(DELIVERY.ID.eq(id)).execute();
    }

    /** {@link #markDelivered(DSLContext, long, int)} for many rows in one plain JDBC statement (group commit). */
    public void markDelivered(java.sql.Connection c, long[] ids, int[] statuses) throws java.sql.SQLException {
        try (var st = c.prepareStatement("""
                UPDATE delivery d SET delivered = now(), last_status = u.status, lease_until = NULL
                FROM unnest(?::bigint[], ?::int[]) AS u(id, status) WHERE d.id = u.id""")) {
            st.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
            st.setArray(2, c.createArrayOf("integer", java.util.Arrays.stream(statuses).boxed().toArray()));
            st.executeUpdate();
        }
    }

    /**
     * Gives back claimed rows this worker will not send now (their host is at its limit): due again at once
     * for whoever claims next, with the claim's attempt undone.
     */
    public void unclaim(DSLContext tx, Collection<Delivery> rows) {
        tx.execute("""
                UPDATE delivery d SET lease_until = NULL, attempts = d.attempts - 1
                FROM unnest(?::bigint[], ?::int[]) AS u(id, attempts)
                WHERE d.id = u.id AND d.attempts = u.attempts AND d.delivered IS NULL""",
                rows.stream().map(Delivery::id).toArray(Long[]::new), rows.stream().map(Delivery::attempts).toArray(Integer[]::new));
    }

    public void retryLater(DSLContext tx, long id, Duration delay, Integer status, String error) {
        tx.update(DELIVERY).set(DELIVERY.NEXT_ATTEMPT, DSL.currentOffsetDateTime().plus(DSL.inline(delay.toMillis() / 86_400_000.0)))
                .setNull(DELIVERY.LEASE_UNTIL).set(DELIVERY.LAST_STATUS, status).set(DELIVERY.LAST_ERROR, error)
                .where(DELIVERY.ID.eq(id)).execute();
    }

    public void markFailed(DSLContext tx, long id, Integer status, String error) {
        tx.update(DELIVERY).set(DELIVERY.FAILED, DSL.currentOffsetDateTime()).set(DELIVERY.LAST_STATUS, status)
                .set(DELIVERY.LAST_ERROR, error).setNull(DELIVERY.LEASE_UNTIL).where(DELIVERY.ID.eq(id)).execute();
    }

    public int countPending(DSLContext tx) {
        return tx.fetchCount(DELIVERY, DELIVERY.DELIVERED.isNull().and(DELIVERY.FAILED.isNull()));
    }

    public int countDelivered(DSLContext tx) {
        return tx.fetchCount(DELIVERY, DELIVERY.DELIVERED.isNotNull());
    }
}
