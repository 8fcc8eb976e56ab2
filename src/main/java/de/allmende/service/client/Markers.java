package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.Marker;
import de.allmende.store.MarkerStore;
import de.allmende.support.ApiException;

import java.util.List;
import java.util.Map;

/**
 * Timeline markers (docs.joinmastodon.org/methods/markers): where a person last read the home timeline and the
 * notifications. Kept per person and municipality: colleagues acting as the same municipality keep their own places.
 */
public final class Markers {
    private final Database db;
    private final MarkerStore store = new MarkerStore();

    public Markers(Database db) {
        this.db = db;
    }

    /** The markers of the timelines asked for that have one; unknown timeline names are left out, as Mastodon does. */
    public List<Marker> get(long personId, long accountId, List<String> timelines) {
        List<String> known = timelines.stream().filter(Marker.TIMELINES::contains).distinct().toList();
        if (known.isEmpty()) return List.of();
        return store.of(db.dsl(), personId, accountId, known);
    }

    /** Saves the positions given by timeline name; the saved markers, by name. */
    public List<Marker> save(long personId, long accountId, Map<String, String> lastReadIds) {
        if (lastReadIds.isEmpty()) throw ApiException.badRequest("home[last_read_id] or notifications[last_read_id] is missing");
        for (String id : lastReadIds.values()) {
            if (id == null || !id.matches("[0-9]{1,19}")) throw ApiException.unprocessable("Validation failed: Last read id is invalid");
        }
        return db.dsl().transactionResult(c -> lastReadIds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> store.save(c.dsl(), personId, accountId, e.getKey(), e.getValue())).toList());
    }
}
