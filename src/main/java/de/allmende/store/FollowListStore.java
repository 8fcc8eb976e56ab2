package de.allmende.store;

import de.allmende.domain.client.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static de.allmende.db.Tables.FOLLOW;

/**
 * An account's followers and whom it follows (accepted follows), paged as Mastodon pages them: over the follow's
 * id, newest first, with {@code max_id}, {@code since_id} and {@code min_id} (the client API's Link headers
 * carry follow ids, not account ids).
 */
public final class FollowListStore {
    /** One listed account and the id of the follow that lists it (the page cursor). */
    public record Listed(long followId, long accountId) {}

    public List<Listed> followers(DSLContext tx, long accountId, PageRequest page) {
        return page(tx, FOLLOW.FOLLOWEE_ID.eq(accountId), FOLLOW.FOLLOWER_ID, page);
    }

    public List<Listed> following(DSLContext tx, long accountId, PageRequest page) {
        return page(tx, FOLLOW.FOLLOWER_ID.eq(accountId), FOLLOW.FOLLOWEE_ID, page);
    }

    private static List<Listed> page(DSLContext tx, Condition side, Field<Long> listed, PageRequest page) {
        Condition c = side.and(FOLLOW.STATE.eq("accepted"));
        if (page.maxId().isPresent()) c = c.and(FOLLOW.ID.lt(page.maxId().get()));
        if (page.minId().isPresent()) {
            List<Listed> rows = new ArrayList<>(tx.select(FOLLOW.ID, listed).from(FOLLOW).where(c.and(FOLLOW.ID.gt(page.minId().get())))
                    .orderBy(FOLLOW.ID.asc()).limit(page.limit()).fetch(r -> new Listed(r.value1(), r.value2())));
            Collections.reverse(rows);
            return rows;
        }
        if (page.sinceId().isPresent()) c = c.and(FOLLOW.ID.gt(page.sinceId().get()));
        return tx.select(FOLLOW.ID, listed).from(FOLLOW).where(c).orderBy(FOLLOW.ID.desc()).limit(page.limit())
                .fetch(r -> new Listed(r.value1(), r.value2()));
    }
}
