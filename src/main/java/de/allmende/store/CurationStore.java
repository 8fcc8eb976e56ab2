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

    /**
     * A featured item with what the search index knows to show it: empty where the index has no row for it (not
     * indexed yet). {@code kind} is the index's (project, lesson, …), {@code municipality} the author's acct.
     */
    public record FeaturedItem(URI object, Optional<String> title, Optional<String> kind, Optional<String> municipality,
                               Optional<String> municipalityName, Optional<URI> url) {}

    private static final String FEATURED_ITEMS = """
            SELECT p.iri, d.title, d.kind, d.municipality, d.municipality_name, d.url
            FROM status_pin s JOIN post p ON p.id = s.post_id JOIN account a ON a.id = s.account_id
            LEFT JOIN search_document d ON d.post_id = p.id
            WHERE a.local_actor_id = ? AND p.deleted IS NULL""";

    /** What the coordinator features with what the index shows of each, newest first. */
    public List<FeaturedItem> featuredItems(DSLContext tx, long coordinatorId) {
        return tx.fetch(FEATURED_ITEMS + " ORDER BY s.id DESC", coordinatorId).map(CurationStore::featuredItem);
    }

    /** One item the coordinator features, with what the index shows of it. */
    public Optional<FeaturedItem> featuredItem(DSLContext tx, long coordinatorId, URI object) {
        return Optional.ofNullable(tx.fetchOne(FEATURED_ITEMS + " AND p.iri = ?", coordinatorId, object.toString()))
                .map(CurationStore::featuredItem);
    }

    private static FeaturedItem featuredItem(Record r) {
        return new FeaturedItem(URI.create(r.get(0, String.class)), Optional.ofNullable(r.get(1, String.class)),
                Optional.ofNullable(r.get(2, String.class)), Optional.ofNullable(r.get(3, String.class)),
                Optional.ofNullable(r.get(4, String.class)), Optional.ofNullable(r.get(5, String.class)).map(URI::create));
    }

    /** The IRIs of what the coordinator features, newest first. */
    public List<URI> featured(DSLContext tx, long coordinatorId) {
        return tx.fetch("""
                SELECT p.iri FROM status_pin s JOIN post p ON p.id = s.post_id JOIN account a ON a.id = s.account_id
                WHERE a.local_actor_id = ? AND p.deleted IS NULL ORDER BY s.id DESC""", coordinatorId)
                .getValues(0, String.class).stream().map(URI::create).toList();
    }
}
