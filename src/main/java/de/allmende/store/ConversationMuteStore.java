package de.allmende.store;

import org.jooq.DSLContext;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static de.allmende.db.Tables.CONVERSATION_MUTE;

/**
 * Threads an account muted (migration V20): it is notified of nothing in them. A thread is named by its root, which
 * the database works out ({@code post_thread}), so a mute holds for every post of the thread, later replies too.
 */
public final class ConversationMuteStore {
    /** Mutes the thread of the post; false if it was muted already (or there is no such post). */
    public boolean mute(DSLContext tx, long accountId, long postId) {
        return tx.execute("INSERT INTO conversation_mute (account_id, thread) SELECT ?, post_thread(?) WHERE post_thread(?) IS NOT NULL"
                + " ON CONFLICT DO NOTHING", accountId, postId, postId) == 1;
    }

    /** Takes the mute of the post's thread back; false if there was none. */
    public boolean unmute(DSLContext tx, long accountId, long postId) {
        return tx.execute("DELETE FROM conversation_mute WHERE account_id = ? AND thread = post_thread(?)", accountId, postId) > 0;
    }

    /** Whether the account muted the thread of the post. */
    public boolean muted(DSLContext tx, long accountId, long postId) {
        return !mutedOf(tx, accountId, List.of(postId)).isEmpty();
    }

    /**
     * Of these posts, the ones in threads the account muted. Most accounts mute nothing: then no thread is worked out
     * (a timeline page costs one look at the index).
     */
    public Set<Long> mutedOf(DSLContext tx, long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty() || !tx.fetchExists(CONVERSATION_MUTE, CONVERSATION_MUTE.ACCOUNT_ID.eq(accountId))) return Set.of();
        return Set.copyOf(tx.fetch("SELECT p FROM unnest(?::bigint[]) AS p WHERE EXISTS (SELECT 1 FROM conversation_mute m"
                + " WHERE m.account_id = ? AND m.thread = post_thread(p))", postIds.toArray(Long[]::new), accountId).getValues(0, Long.class));
    }
}
