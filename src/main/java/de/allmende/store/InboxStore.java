package de.allmende.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static de.allmende.db.Tables.INBOX_ITEM;

/** The durable inbox queue. */
public final class InboxStore {

    public record InboxItem(long id, String activityIri, String signer, JsonNode body, int attempts) {}

    // The queue's hot statements are plain JDBC (see Jdbc): fixed SQL, prepared once per connection.

    private static final String ENQUEUE_ALL = """
            INSERT INTO inbox_item (activity_iri, signer, body)
            SELECT iri, signer, body::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS item(iri, signer, body)
            ON CONFLICT (activity_iri) DO NOTHING
            RETURNING activity_iri""";

    private static final String CLAIM_DUE = """
            UPDATE inbox_item SET lease_until = now() + make_interval(secs => ?), attempts = attempts + 1
            WHERE id IN (SELECT id FROM inbox_item
                         WHERE processed IS NULL AND failed IS NULL AND next_attempt <= now()
                           AND (lease_until IS NULL OR lease_until < now())
                         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, activity_iri, signer, body, attempts""";

    private static final String MARK_PROCESSED = "UPDATE inbox_item SET processed = now(), lease_until = NULL WHERE id = ANY(?)";

    /** An activity to enqueue: its id, the verified signer, the JSON text to store. */
    public record NewItem(String activityIri, String signer, String body) {}

    /**
     * Enqueues verified activities in one statement. Returns the ids that were new; the others were
     * seen before (idempotent redelivery), as was any repeat within {@code items}.
     */
    public java.util.Set<String> enqueueAll(Connection c, List<NewItem> items) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ENQUEUE_ALL)) {
            st.setArray(1, c.createArrayOf("text", items.stream().map(NewItem::activityIri).toArray()));
            st.setArray(2, c.createArrayOf("text", items.stream().map(NewItem::signer).toArray()));
            st.setArray(3, c.createArrayOf("text", items.stream().map(NewItem::body).toArray()));
            java.util.Set<String> fresh = new java.util.HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) fresh.add(rs.getString(1));
            }
            return fresh;
        }
    }

    /**
     * Claims up to {@code limit} due items for {@code lease}, oldest first. SKIP LOCKED lets several
     * workers (and processes) claim disjoint rows; the lease makes rows of a crashed worker due again.
     */
    public List<InboxItem> claimDue(Connection c, int limit, Duration lease) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(CLAIM_DUE)) {
            st.setLong(1, lease.toSeconds());
            st.setInt(2, limit);
            List<InboxItem> items = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    items.add(new InboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), ObjectStore.read(rs.getString(4)), rs.getInt(5)));
                }
            }
            items.sort(java.util.Comparator.comparingLong(InboxItem::id));
            return items;
        }
    }

    /** Marks applied items processed, all in one statement. */
    public void markProcessed(Connection c, java.util.Collection<Long> ids) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(MARK_PROCESSED)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
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
