package de.allmende.store;

import de.allmende.domain.client.PageRequest;
import de.allmende.store.CursorPages.Listed;
import org.jooq.DSLContext;

import java.util.List;

import static de.allmende.db.Tables.FOLLOW;

/**
 * An account's followers, whom it follows (accepted follows) and who asks to follow it (pending), paged as
 * Mastodon pages them: over the follow's id ({@link CursorPages}).
 */
public final class FollowListStore {
    public List<Listed<Long>> followers(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, FOLLOW, FOLLOW.ID, FOLLOW.FOLLOWER_ID, FOLLOW.FOLLOWEE_ID.eq(accountId).and(FOLLOW.STATE.eq("accepted")), page);
    }

    public List<Listed<Long>> following(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, FOLLOW, FOLLOW.ID, FOLLOW.FOLLOWEE_ID, FOLLOW.FOLLOWER_ID.eq(accountId).and(FOLLOW.STATE.eq("accepted")), page);
    }

    /** Follow requests waiting for the account's decision, listing who asks. */
    public List<Listed<Long>> requests(DSLContext tx, long accountId, PageRequest page) {
        return CursorPages.page(tx, FOLLOW, FOLLOW.ID, FOLLOW.FOLLOWER_ID, FOLLOW.FOLLOWEE_ID.eq(accountId).and(FOLLOW.STATE.eq("pending")), page);
    }
}
