package de.allmende.store;

import de.allmende.domain.coordinator.Subscription;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.COORDINATOR_BACKFILL;
import static de.allmende.db.Tables.COORDINATOR_SUBSCRIPTION;

/** A coordinator's subscriptions and their backfill jobs (the queue itself is worked by the backfill worker). */
public final class CoordinatorStore {
    /** The NOTIFY channel the backfill worker listens on. */
    public static final String CHANNEL = "coordinator_backfill";

    /** Subscribes and queues the outbox's backfill; returns false if the coordinator subscribed already. */
    public boolean subscribe(DSLContext tx, long coordinatorId, URI municipality, URI outbox) {
        int added = tx.insertInto(COORDINATOR_SUBSCRIPTION)
                .set(COORDINATOR_SUBSCRIPTION.COORDINATOR_ID, coordinatorId)
                .set(COORDINATOR_SUBSCRIPTION.MUNICIPALITY, municipality.toString())
                .set(COORDINATOR_SUBSCRIPTION.ORIGIN_HOST, municipality.getRawAuthority())
                .onConflictDoNothing().execute();
        if (added == 0) return false;
        tx.insertInto(COORDINATOR_BACKFILL)
                .set(COORDINATOR_BACKFILL.COORDINATOR_ID, coordinatorId)
                .set(COORDINATOR_BACKFILL.MUNICIPALITY, municipality.toString())
                .set(COORDINATOR_BACKFILL.OUTBOX, outbox.toString())
                .onConflictDoNothing().execute();
        tx.execute("NOTIFY " + CHANNEL);
        return true;
    }

    /** Ends a subscription and its backfill (a running one stops at its next page); false if there was none. */
    public boolean unsubscribe(DSLContext tx, long coordinatorId, URI municipality) {
        tx.deleteFrom(COORDINATOR_BACKFILL).where(COORDINATOR_BACKFILL.COORDINATOR_ID.eq(coordinatorId),
                COORDINATOR_BACKFILL.MUNICIPALITY.eq(municipality.toString())).execute();
        return tx.deleteFrom(COORDINATOR_SUBSCRIPTION).where(COORDINATOR_SUBSCRIPTION.COORDINATOR_ID.eq(coordinatorId),
                COORDINATOR_SUBSCRIPTION.MUNICIPALITY.eq(municipality.toString())).execute() > 0;
    }

    public boolean isSubscribed(DSLContext tx, long coordinatorId, URI municipality) {
        return tx.fetchExists(COORDINATOR_SUBSCRIPTION, COORDINATOR_SUBSCRIPTION.COORDINATOR_ID.eq(coordinatorId),
                COORDINATOR_SUBSCRIPTION.MUNICIPALITY.eq(municipality.toString()));
    }

    /** The coordinator's subscriptions with their backfill's progress, by municipality. */
    public List<Subscription> subscriptions(DSLContext tx, long coordinatorId) {
        var s = COORDINATOR_SUBSCRIPTION;
        var b = COORDINATOR_BACKFILL;
        return tx.select(s.MUNICIPALITY, b.PAGES_DONE, b.ITEMS_DONE, b.DONE, b.FAILED, b.LAST_ERROR).from(s)
                .leftJoin(b).on(b.COORDINATOR_ID.eq(s.COORDINATOR_ID), b.MUNICIPALITY.eq(s.MUNICIPALITY))
                .where(s.COORDINATOR_ID.eq(coordinatorId)).orderBy(s.MUNICIPALITY)
                .fetch(r -> new Subscription(URI.create(r.value1()), nz(r.value2()), nz(r.value3()), state(r.value4(), r.value5()),
                        Optional.ofNullable(r.value6())));
    }

    /**
     * Moves a backfill's cursor past a page whose items are kept (in the same transaction): only while the claim
     * that fetched it stands, so a process that lost its claim writes nothing. False if it did not stand.
     */
    public boolean advance(DSLContext tx, long jobId, int attempts, Optional<URI> nextPage, int items) {
        var b = COORDINATOR_BACKFILL;
        return tx.update(b)
                .set(b.NEXT_PAGE, nextPage.map(URI::toString).orElse(null))
                .set(b.PAGES_DONE, b.PAGES_DONE.plus(1))
                .set(b.ITEMS_DONE, b.ITEMS_DONE.plus(items))
                .where(b.ID.eq(jobId), b.ATTEMPTS.eq(attempts), b.DONE.isNull(), b.FAILED.isNull())
                .execute() == 1;
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    private static Subscription.Backfill state(OffsetDateTime done, OffsetDateTime failed) {
        return done != null ? Subscription.Backfill.DONE : failed != null ? Subscription.Backfill.FAILED : Subscription.Backfill.RUNNING;
    }
}
