package de.allmende.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.util.List;

import static de.allmende.db.Tables.INBOX_ITEM;

/** The durable inbox queue. */
public final class InboxStore {

    public record InboxItem(long id, String activityIri, String signer, JsonNode body, int attempts) {}

    /** Enqueues a verified activity; false if this activity id was seen before (idempotent redelivery). */
    public boolean enqueue(DSLContext tx, String activityIri, String signer, JsonNode body) {
        return tx.insertInto(INBOX_ITEM).set(INBOX_ITEM.ACTIVITY_IRI, activityIri).set(INBOX_ITEM.SIGNER, signer)
                .set(INBOX_ITEM.BODY, JSONB.valueOf(body.toString()))
                .onConflict(INBOX_ITEM.ACTIVITY_IRI).doNothing().execute() == 1;
    }

    /**
     * Claims up to {@code limit} due items for {@code lease}. SKIP LOCKED lets several workers (and
     * processes) claim disjoint rows; the lease makes rows of a crashed worker due again.
     */
    public List<InboxItem> claimDue(DSLContext tx, int limit, Duration lease) {
        var due = DSL.select(INBOX_ITEM.ID).from(INBOX_ITEM)
                .where(INBOX_ITEM.PROCESSED.isNull(), INBOX_ITEM.FAILED.isNull(), INBOX_ITEM.NEXT_ATTEMPT.le(DSL.currentOffsetDateTime()),
                        INBOX_ITEM.LEASE_UNTIL.isNull().or(INBOX_ITEM.LEASE_UNTIL.lt(DSL.currentOffsetDateTime())))
                .orderBy(INBOX_ITEM.ID).limit(limit).forUpdate().skipLocked();
        return tx.update(INBOX_ITEM)
                .set(INBOX_ITEM.LEASE_UNTIL, DSL.currentOffsetDateTime().plus(DSL.inline(lease.toSeconds()).div(86400.0)))
                .set(INBOX_ITEM.ATTEMPTS, INBOX_ITEM.ATTEMPTS.plus(1))
                .where(INBOX_ITEM.ID.in(due))
                .returning(INBOX_ITEM.ID, INBOX_ITEM.ACTIVITY_IRI, INBOX_ITEM.SIGNER, INBOX_ITEM.BODY, INBOX_ITEM.ATTEMPTS)
                .fetch(r -> new InboxItem(r.getId(), r.getActivityIri(), r.getSigner(), ObjectStore.read(r.getBody()), r.getAttempts()));
    }

    public void markProcessed(DSLContext tx, long id) {
        tx.update(INBOX_ITEM).set(INBOX_ITEM.PROCESSED, DSL.currentOffsetDateTime()).setNull(INBOX_ITEM.LEASE_UNTIL)
                .where(INBOX_ITEM.ID.eq(id)).execute();
    }

    public void markProcessed(DSLContext tx, java.util.Collection<Long> ids) {
        tx.update(INBOX_ITEM).set(INBOX_ITEM.PROCESSED, DSL.currentOffsetDateTime()).setNull(INBOX_ITEM.LEASE_UNTIL)
                .where(INBOX_ITEM.ID.in(ids)).execute();
    }

    public void retryLater(DSLContext tx, long id, Duration delay, String error) {
        tx.update(INBOX_ITEM).set(INBOX_ITEM.NEXT_ATTEMPT, DSL.currentOffsetDateTime().plus(DSL.inline(delay.toMillis() / 86_400_000.0)))
                .setNull(INBOX_ITEM.LEASE_UNTIL).set(INBOX_ITEM.LAST_ERROR, error).where(INBOX_ITEM.ID.eq(id)).execute();
    }

    public void markFailed(DSLContext tx, long id, String error) {
        tx.update(INBOX_ITEM).set(INBOX_ITEM.FAILED, DSL.currentOffsetDateTime()).setNull(INBOX_ITEM.LEASE_UNTIL)
                .set(INBOX_ITEM.LAST_ERROR, error).where(INBOX_ITEM.ID.eq(id)).execute();
    }

    public int countPending(DSLContext tx) {
        return tx.fetchCount(INBOX_ITEM, INBOX_ITEM.PROCESSED.isNull().and(INBOX_ITEM.FAILED.isNull()));
    }
}
