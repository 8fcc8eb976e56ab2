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
    /** PostgreSQL's estimate of the posts held (from the last ANALYZE; -1 or 0 before one): free, unlike counting. */
    public long estimatedPosts(DSLContext dsl) {
        Object estimate = dsl.fetchValue("SELECT reltuples::bigint FROM pg_class WHERE oid = 'post'::regclass");
        return estimate instanceof Number n ? n.longValue() : 0;
    }

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

    /** One count of a two-way table: a row (a month), a series (a kind, a field of action) and how many. */
    public record Cell(String row, String series, long value) {}

    /** Public posts per month (Europe/Berlin, {@code YYYY-MM}) and kind since {@code from}; one pass over the index's dates. */
    public List<Cell> kindsPerMonth(DSLContext dsl, OffsetDateTime from) {
        return dsl.fetch("""
                SELECT to_char(published AT TIME ZONE 'Europe/Berlin', 'YYYY-MM'), kind, count(*) FROM search_document
                WHERE published >= ?::timestamptz GROUP BY 1, 2""", from.toString())
                .map(r -> new Cell(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class)));
    }

    /** Public posts per month and field of action since {@code from} (a post in two fields counts in both). */
    public List<Cell> fieldsPerMonth(DSLContext dsl, OffsetDateTime from) {
        return dsl.fetch("""
                SELECT to_char(published AT TIME ZONE 'Europe/Berlin', 'YYYY-MM'), f, count(*) FROM search_document, unnest(fields) f
                WHERE published >= ?::timestamptz GROUP BY 1, 2""", from.toString())
                .map(r -> new Cell(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class)));
    }

    /**
     * A link between two directory members: whether {@code from} follows {@code to} (accepted) and how many of
     * {@code to}'s public posts it boosted. Accts of the node's own members are handles ({@code local}).
     */
    public record Link(String fromAcct, boolean fromLocal, String fromName, String toAcct, boolean toLocal, String toName,
                       boolean follows, long boosts) {}

    /** Every link between members, in one query over follows and boosts. */
    public List<Link> links(DSLContext dsl) {
        return dsl.fetch(DirectoryStore.MEMBERS + """
                , link AS (
                    SELECT f.follower_id AS a, f.followee_id AS b, true AS follows, 0::bigint AS boosts FROM follow f
                    WHERE f.state = 'accepted' AND f.follower_id <> f.followee_id
                    UNION ALL
                    SELECT r.account_id, p.author_id, false, count(*) FROM reaction r JOIN post p ON p.id = r.post_id
                    WHERE r.kind = 'announce' AND p.visibility = 'public' AND p.deleted IS NULL AND r.account_id <> p.author_id
                    GROUP BY 1, 2)
                SELECT ma.acct, ma.handle IS NOT NULL, ma.name, mb.acct, mb.handle IS NOT NULL, mb.name, bool_or(l.follows), sum(l.boosts)
                FROM link l JOIN member ma ON ma.account = l.a JOIN member mb ON mb.account = l.b
                GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 3, 1, 6, 4""")
                .map(r -> new Link(r.get(0, String.class), r.get(1, Boolean.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Boolean.class), r.get(5, String.class), r.get(6, Boolean.class), r.get(7, Long.class)));
    }
}
