package de.allmende.store;

import de.allmende.domain.client.Marker;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** Timeline markers of one person acting as one municipality (migration V17). */
public final class MarkerStore {
    public List<Marker> of(DSLContext tx, long personId, long accountId, Collection<String> timelines) {
        return tx.fetch("SELECT timeline, last_read_id, version, updated_at FROM client_marker WHERE person_id = ? AND account_id = ?"
                + " AND timeline = ANY(?) ORDER BY timeline", personId, accountId, (Object) timelines.toArray(String[]::new)).map(MarkerStore::read);
    }

    /** Saves a position; each save raises the version, as Mastodon's optimistic lock counter does. */
    public Marker save(DSLContext tx, long personId, long accountId, String timeline, String lastReadId) {
        return read(tx.fetchSingle("""
                INSERT INTO client_marker (person_id, account_id, timeline, last_read_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (person_id, account_id, timeline) DO UPDATE
                    SET last_read_id = excluded.last_read_id, version = client_marker.version + 1, updated_at = now()
                RETURNING timeline, last_read_id, version, updated_at""", personId, accountId, timeline, lastReadId));
    }

    private static Marker read(Record r) {
        return new Marker(r.get(0, String.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, OffsetDateTime.class).toInstant());
    }
}
