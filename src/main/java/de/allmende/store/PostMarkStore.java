package de.allmende.store;

import de.allmende.db.Tables;
import de.allmende.domain.client.PageRequest;
import de.allmende.store.CursorPages.Listed;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import static de.allmende.db.Tables.POST;
import static de.allmende.db.Tables.STATUS_PIN;

/**
 * Marks an account puts on posts (migration V13): bookmarks (its own, on any post it may see) and pins (on its
 * own public or unlisted posts). At most one of each per account and post; listed newest mark first.
 */
public final class PostMarkStore {
    public enum Mark {
        BOOKMARK(Tables.BOOKMARK, Tables.BOOKMARK.ID, Tables.BOOKMARK.ACCOUNT_ID, Tables.BOOKMARK.POST_ID),
        PIN(STATUS_PIN, STATUS_PIN.ID, STATUS_PIN.ACCOUNT_ID, STATUS_PIN.POST_ID);

        private final Table<?> table;
        private final Field<Long> id;
        private final Field<Long> account;
        private final Field<Long> post;

        Mark(Table<?> table, Field<Long> id, Field<Long> account, Field<Long> post) {
            this.table = table;
            this.id = id;
            this.account = account;
            this.post = post;
        }
    }

    /** Marks the post; false if it was marked so before. */
    public boolean mark(DSLContext tx, Mark m, long accountId, long postId) {
        return tx.insertInto(m.table).set(m.account, accountId).set(m.post, postId).onConflictDoNothing().execute() == 1;
    }

    /** Takes the mark off; false if there was none. */
    public boolean unmark(DSLContext tx, Mark m, long accountId, long postId) {
        return tx.deleteFrom(m.table).where(m.account.eq(accountId), m.post.eq(postId)).execute() == 1;
    }

    /** How many posts that still stand the account marked so (a deleted pinned post takes no place). */
    public int count(DSLContext tx, Mark m, long accountId) {
        return tx.fetchCount(DSL.selectOne().from(m.table).join(POST).on(POST.ID.eq(m.post))
                .where(m.account.eq(accountId), POST.DELETED.isNull()));
    }

    /** Of these posts, the ones the account marked so. */
    public Set<Long> marked(DSLContext tx, Mark m, long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Set.of();
        return Set.copyOf(tx.select(m.post).from(m.table).where(m.account.eq(accountId), m.post.in(postIds)).fetch(m.post));
    }

    /** The account's marked posts, newest mark first, paged over the marks' ids. */
    public List<Listed<Long>> page(DSLContext tx, Mark m, long accountId, PageRequest page) {
        return CursorPages.page(tx, m.table, m.id, m.post, m.account.eq(accountId), page);
    }

    /** The posts the account pinned, newest pin first (a profile shows them above the rest). */
    public List<Long> pinned(DSLContext tx, long accountId) {
        return tx.select(STATUS_PIN.POST_ID).from(STATUS_PIN).where(STATUS_PIN.ACCOUNT_ID.eq(accountId))
                .orderBy(STATUS_PIN.ID.desc()).fetch(STATUS_PIN.POST_ID);
    }

    /** IRIs of the account's pinned posts that still stand, newest pin first (its featured collection). */
    public List<String> pinnedIris(DSLContext tx, long accountId) {
        return tx.fetch("SELECT p.iri FROM status_pin s JOIN post p ON p.id = s.post_id WHERE s.account_id = ? AND p.deleted IS NULL"
                + " ORDER BY s.id DESC", accountId).getValues(0, String.class);
    }
}
