package de.allmende.store;

import de.allmende.domain.search.SearchQuery.Filters;
import de.allmende.store.SearchDocumentStore.Edge;
import de.allmende.store.SearchDocumentStore.Match;
import de.allmende.store.SearchDocumentStore.Row;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of a broad search: more documents match than are counted (hundreds of thousands of 1,000,000 for a word such
 * as "Haushalt"), so neither ranking nor sorting all of them is possible within the time a search has. The work is
 * bounded by ranges of the index of {@code published} instead, newest first:
 * <ol>
 *   <li>by relevance, the matches among the newest documents ({@code ranked} edge on) are ranked, all of them;</li>
 *   <li>then the older matches newest first, found by walking the date index down to the {@code walked} edge: at most
 *       that many documents are read, however the planner misjudges how many match (it expected 771 matches of
 *       "Klimaschutz" in Smart City where there were 5,503, chose to read and sort all of them — 95–136 ms — and found
 *       the 18 it needed in the walk in 6–16 ms);</li>
 *   <li>only a page that reaches past the walked range asks for the rest, by whatever plan the planner finds.</li>
 * </ol>
 * The order is the same as without the ranges: they only split where the reading stops.
 */
public final class BroadSearchStore {
    /**
     * Where the ranges end (either empty where the index holds fewer documents: everything is then in range), and
     * whether to walk for the older matches at all: not where the newest documents say the walk would find too few of
     * them (a search for 2025's events finds none among the last days' documents; walking 18,000 of them cost 25 ms).
     */
    public record Windows(Optional<Edge> ranked, Optional<Edge> walked, boolean walkOlder) {}

    /** A hit before its document is read: by rank (0 where ordered by date). */
    public record Hit(long postId, double rank) {}

    /** Every match among the newest documents (from {@code edge} on), best first: the range bounds how many. */
    public List<Hit> ranked(DSLContext dsl, Match match, Filters filters, Edge edge) {
        Condition where = SearchDocumentStore.where(match, filters).and(SearchDocumentStore.from(edge));
        return byDateIndex(dsl, tx -> hits(tx, "SELECT d.post_id, ts_rank(d.terms, {1}::tsquery) AS rank FROM search_document d "
                + "JOIN post p ON p.id = d.post_id WHERE {0} ORDER BY rank DESC, d.published DESC, d.post_id DESC",
                where, DSL.val(match.all().orElseThrow())));
    }

    /**
     * A page: by relevance where {@code ranked} (the matches among the newest documents, {@link #ranked}) is given, the
     * older matches following by date; all by date without it.
     */
    public List<Row> page(DSLContext tx, Match match, Filters filters, Windows windows, Optional<List<Hit>> ranked, int limit, int offset) {
        Condition all = SearchDocumentStore.where(match, filters);
        List<Hit> page = new ArrayList<>();
        int skip = offset;
        if (ranked.isPresent()) {
            take(ranked.get(), skip, limit, page);
            skip = Math.max(0, skip - ranked.get().size());
        }
        Condition older = ranked.isPresent() ? SearchDocumentStore.from(windows.ranked().orElseThrow()).not() : DSL.trueCondition();
        Condition walked = windows.walked().map(SearchDocumentStore::from).orElse(DSL.trueCondition());
        Optional<Condition> rest = Optional.of(older);
        if (page.size() < limit && windows.walkOlder()) {
            int wanted = skip + limit - page.size();
            List<Hit> dated = byDateIndex(tx, t -> walk(t, all, older.and(walked), wanted));
            take(dated, skip, limit - page.size(), page);
            skip = Math.max(0, skip - dated.size());
            rest = windows.walked().map(edge -> older.and(SearchDocumentStore.from(edge).not())); // none below a small index
        }
        if (page.size() < limit && rest.isPresent()) { // the rest: whichever plan finds the newest of it
            page.addAll(dated(tx, all.and(rest.get()), limit - page.size(), skip));
        }
        return rows(tx, page);
    }

    /**
     * Reads by the date index: the ranges, not a bitmap of every match of the words ANDed with them (see above). The
     * settings hold for {@code reads} only (SET LOCAL would outlast the savepoint, so they are reset after it).
     */
    private static <T> T byDateIndex(DSLContext dsl, Function<DSLContext, T> reads) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET LOCAL enable_bitmapscan = off");
            tx.execute("SET LOCAL enable_seqscan = off");
            T result = reads.apply(tx);
            tx.execute("RESET enable_bitmapscan");
            tx.execute("RESET enable_seqscan");
            return result;
        });
    }

    /**
     * The newest {@code limit} matches of {@code where} in the {@code range}, walking the date index: the range as a
     * subquery behind a fence ({@code OFFSET 0}), so the planner reads it in order and stops at the limit, rather than
     * reading the whole range and sorting its matches.
     */
    private static List<Hit> walk(DSLContext tx, Condition where, Condition range, int limit) {
        return hits(tx, "SELECT d.post_id, 0::float8 FROM (SELECT * FROM search_document d WHERE {1} ORDER BY d.published DESC, d.post_id DESC OFFSET 0) d "
                + "JOIN post p ON p.id = d.post_id WHERE {0} ORDER BY d.published DESC, d.post_id DESC LIMIT {2}", where, range, DSL.val(limit));
    }

    private static List<Hit> dated(DSLContext tx, Condition where, int limit, int offset) {
        return hits(tx, "SELECT d.post_id, 0::float8 FROM search_document d JOIN post p ON p.id = d.post_id "
                + "WHERE {0} ORDER BY d.published DESC, d.post_id DESC LIMIT {1} OFFSET {2}", where, DSL.val(limit), DSL.val(offset));
    }

    private static List<Hit> hits(DSLContext tx, String sql, Object... values) {
        List<Hit> out = new ArrayList<>();
        for (Record r : tx.fetch(sql, values)) out.add(new Hit(r.get(0, Long.class), r.get(1, Double.class)));
        return out;
    }

    /** Appends to {@code page} what of {@code hits} lies in it: skipping {@code skip}, at most {@code room}. */
    private static void take(List<Hit> hits, int skip, int room, List<Hit> page) {
        hits.stream().skip(skip).limit(room).forEach(page::add);
    }

    /** The page's documents, in the page's order. */
    private static List<Row> rows(DSLContext tx, List<Hit> page) {
        if (page.isEmpty()) return List.of();
        return SearchDocumentStore.rows(tx, "SELECT * FROM unnest(?::bigint[], ?::float8[]) WITH ORDINALITY AS h(post_id, rank, i)", "hit.i",
                page.stream().map(Hit::postId).toArray(Long[]::new), page.stream().map(Hit::rank).toArray(Double[]::new));
    }
}
