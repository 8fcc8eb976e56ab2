package de.allmende.store;

import org.jooq.DSLContext;

import java.util.List;

/**
 * The accounts part of search v2: accounts by handle or username prefix and by a part of their display name. Posts
 * are found through the search index ({@link SearchDocumentStore}).
 */
public final class SearchStore {
    /**
     * Ids of accounts whose handle (username) starts with {@code text} or whose display name contains it, local ones
     * first; only those {@code viewerId} follows when {@code followedBy} is set.
     */
    public List<Long> accounts(DSLContext tx, String text, long viewerId, boolean followedOnly, int limit, int offset) {
        String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return tx.fetch("""
                SELECT a.id FROM account a
                LEFT JOIN actor act ON act.id = a.local_actor_id AND act.kind = 'municipality'
                LEFT JOIN remote_actor ra ON ra.id = a.remote_actor_id
                WHERE ((act.id IS NOT NULL AND (act.handle ILIKE ? || '%' OR act.display_name ILIKE '%' || ? || '%'))
                    OR (ra.id IS NOT NULL AND (ra.preferred_username ILIKE ? || '%' OR ra.name ILIKE '%' || ? || '%')))
                  AND (NOT ? OR EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = ? AND f.followee_id = a.id AND f.state = 'accepted'))
                ORDER BY act.id IS NULL, a.id
                LIMIT ? OFFSET ?""", like, like, like, like, followedOnly, viewerId, limit, offset).getValues(0, Long.class);
    }
}
