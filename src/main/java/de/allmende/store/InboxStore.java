package de.allmende.store;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.queue.Job;
import de.allmende.db.queue.LeasedQueue;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static de.allmende.db.Tables.INBOX_ITEM;

/** The durable inbox queue. */
public final class InboxStore {

    public record InboxItem(long id, String activityIri, String signer, JsonNode body, int attempts) implements Job {
        @Override
        public String describe() {
            return "inbound " + activityIri;
        }
    }

    // The queue's hot statements are plain JDBC (see Jdbc): fixed SQL, prepared once per connection.

    private static final String ENQUEUE_ALL = """
            INSERT INTO inbox_item (activity_iri, signer, body)
            SELECT iri, signer, body::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS item(iri, signer, body)
            ON CONFLICT (activity_iri) DO NOTHING
            RETURNING activity_iri""";

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
     * The queue of received activities (see {@link LeasedQueue}): claims due items oldest first, so several
     * workers (and processes) apply disjoint items, and an item of a crashed worker is due again when its lease ends.
     */
    public static final LeasedQueue<InboxItem> QUEUE = new LeasedQueue<>("inbox_item", "processed",
            "id, activity_iri, signer, body, attempts",
            rs -> new InboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), ObjectStore.read(rs.getString(4)), rs.getInt(5)),
            InboxItem::id);

    public int countPending(DSLContext tx) {
        return tx.fetchCount(INBOX_ITEM, INBOX_ITEM.PROCESSED.isNull().and(INBOX_ITEM.FAILED.isNull()));
    }
}
