package de.allmende.store;

import de.allmende.domain.client.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pages of rows that list something (an account, a post) under a cursor of their own — a follow's, a block's, a
 * favourite's id — as Mastodon pages such lists: newest first, with {@code max_id}, {@code since_id} and
 * {@code min_id} naming cursors, not the listed ids (the client API's Link headers carry them).
 */
public final class CursorPages {
    /** One listed thing (an id, a domain) and the id of the row that lists it (the page cursor). */
    public record Listed<T>(long cursor, T listed) {}

    private CursorPages() {}

    public static <T> List<Listed<T>> page(DSLContext tx, Table<?> table, Field<Long> cursor, Field<T> listed, Condition where, PageRequest page) {
        Condition c = where;
        if (page.maxId().isPresent()) c = c.and(cursor.lt(page.maxId().get()));
        if (page.minId().isPresent()) {
            List<Listed<T>> rows = new ArrayList<>(tx.select(cursor, listed).from(table).where(c.and(cursor.gt(page.minId().get())))
                    .orderBy(cursor.asc()).limit(page.limit()).fetch(r -> new Listed<>(r.value1(), r.value2())));
            Collections.reverse(rows);
            return rows;
        }
        if (page.sinceId().isPresent()) c = c.and(cursor.gt(page.sinceId().get()));
        return tx.select(cursor, listed).from(table).where(c).orderBy(cursor.desc()).limit(page.limit())
                .fetch(r -> new Listed<>(r.value1(), r.value2()));
    }
}
