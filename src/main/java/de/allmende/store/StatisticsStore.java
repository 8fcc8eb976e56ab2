package de.allmende.store;

import de.allmende.content.statistics.Chart.Bar;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The dashboard's counts over what the node holds. Only public posts count: the month chart reads {@code post} with
 * the same condition the search index is built with, the others read the index, which holds public posts only.
 */
public final class StatisticsStore {
    private static final int TOP = 10;

    /** Public posts (no boosts, no deleted ones) per month in Europe/Berlin since {@code from}, keyed {@code YYYY-MM}. */
    public List<Bar> postsPerMonth(DSLContext dsl, OffsetDateTime from) {
        return dsl.fetch("""
                SELECT to_char(p.published AT TIME ZONE 'Europe/Berlin', 'YYYY-MM'), count(*) FROM post p
                WHERE p.visibility = 'public' AND p.deleted IS NULL AND p.reblog_of_id IS NULL AND p.published >= ?::timestamptz
                GROUP BY 1 ORDER BY 1""", from.toString())
                .map(r -> new Bar(r.get(0, String.class), "", r.get(1, Long.class)));
    }

    public List<Bar> postsPerKind(DSLContext dsl) {
        return dsl.fetch("SELECT kind, count(*) FROM search_document GROUP BY 1 ORDER BY 2 DESC, 1")
                .map(r -> new Bar(r.get(0, String.class), "", r.get(1, Long.class)));
    }

    public List<Bar> postsPerField(DSLContext dsl) {
        return dsl.fetch("SELECT f, count(*) FROM search_document, unnest(fields) f GROUP BY 1 ORDER BY 2 DESC, 1")
                .map(r -> new Bar(r.get(0, String.class), "", r.get(1, Long.class)));
    }

    /** The ten public items with most reactions of {@code kind} ({@code like} or {@code announce}), newest first on a tie. */
    public List<Bar> mostReacted(DSLContext dsl, String kind) {
        return dsl.fetch("""
                SELECT d.url, coalesce(nullif(d.title, ''), d.url) || ' (' || d.municipality_name || ')', count(*) FROM reaction r
                JOIN search_document d ON d.post_id = r.post_id
                WHERE r.kind = ?
                GROUP BY d.post_id, d.url, d.title, d.municipality_name, d.published
                ORDER BY 3 DESC, d.published DESC, d.post_id DESC LIMIT ?""", kind, TOP)
                .map(r -> new Bar(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class)));
    }
}
