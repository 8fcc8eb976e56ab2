package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What coordinators feature (issue 11, point 9): an aggregated item a coordinator's account pinned (status_pin). Search
 * and directory call such an item "empfohlen" ({@link #RECOMMENDED}).
 */
public final class CurationStore {
    /**
     * SQL condition on a post id column {@code %s}: a coordinator of this node pinned the post. Search and directory
     * share it, so both say "empfohlen" of the same items.
     */
    public static final String RECOMMENDED = "EXISTS (SELECT 1 FROM status_pin rs JOIN account ra ON ra.id = rs.account_id"
            + " JOIN actor rc ON rc.id = ra.local_actor_id WHERE rs.post_id = %s AND rc.kind = 'coordinator')";

    /** An aggregated item as held here: its post, and whether it still stands and is public. */
    public record Item(long postId, boolean deleted, boolean isPublic) {}

    /** The item with this object IRI, if this node aggregated it (a coordinator here subscribes to its author). */
    public Optional<Item> aggregated(DSLContext tx, URI object) {
        Record r = tx.fetchOne("""
                SELECT p.id, p.deleted IS NOT NULL, p.visibility IN ('public', 'unlisted')
                FROM aggregated_item ai JOIN post p ON p.iri = ai.object_iri AND p.reblog_of_id IS NULL
                WHERE ai.object_iri = ?""", object.toString());
        return Optional.ofNullable(r).map(x -> new Item(x.get(0, Long.class), x.get(1, Boolean.class), x.get(2, Boolean.class)));
    }

    /** The post with this IRI that the coordinator's account pinned, if it did. */
    public Optional<Long> featuredPost(DSLContext tx, long coordinatorId, URI object) {
        return Optional.ofNullable(tx.fetchValue("""
                SELECT p.id FROM status_pin s JOIN post p ON p.id = s.post_id JOIN account a ON a.id = s.account_id
                WHERE a.local_actor_id = ? AND p.iri = ?""", coordinatorId, object.toString())).map(v -> ((Number) v).longValue());
    }

    /** The IRIs of what the coordinator features, newest first. */
    public List<URI> featured(DSLContext tx, long coordinatorId) {
        return tx.fetch("""
                SELECT p.iri FROM status_pin s JOIN post p ON p.id = s.post_id JOIN account a ON a.id = s.account_id
                WHERE a.local_actor_id = ? AND p.deleted IS NULL ORDER BY s.id DESC""", coordinatorId)
                .getValues(0, String.class).stream().map(URI::create).toList();
    }
}
