package de.allmende.store;

import de.allmende.domain.client.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static de.allmende.db.Tables.POST;

/**
 * Search v2 over what this node holds, kept simple (the coordinator's full-text search is a later issue): accounts
 * by handle or username prefix and by a part of their display name; posts the viewer may see by their words
 * (migration V12's {@code post_words} index: no stemming, every language alike), newest first.
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

    /** Ids of posts (no boosts) the viewer may see that have all these words, newest first. */
    public List<Long> posts(DSLContext tx, Viewer v, String words, int limit, int offset) {
        // The same expression as the index, so that the index answers.
        Condition matches = DSL.condition("""
                (jsonb_to_tsvector('simple'::regconfig, {0}, '["string"]') ||
                 jsonb_to_tsvector('simple'::regconfig, {1}, '["string"]') ||
                 jsonb_to_tsvector('simple'::regconfig, {2}, '["string"]')) @@ websearch_to_tsquery('simple'::regconfig, {3})""",
                POST.NAME, POST.SUMMARY, POST.CONTENT, DSL.val(words));
        return tx.select(POST.ID).from(POST).where(matches, POST.DELETED.isNull(), POST.REBLOG_OF_ID.isNull(), TimelineStore.visibleTo(POST, v))
                .orderBy(POST.ID.desc()).limit(limit).offset(offset).fetch(POST.ID);
    }
}
