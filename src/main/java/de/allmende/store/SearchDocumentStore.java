package de.allmende.store;

import de.allmende.domain.search.SearchKind;
import de.allmende.domain.search.SearchQuery.Filters;
import de.allmende.domain.search.SearchResults.FacetCount;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the search index (table {@code search_document}, migration V22): matches of a {@code tsquery} the service
 * built, filtered by facets, a page in order, counts per facet, and the words to highlight. Every read joins the post,
 * so a post deleted or no longer public is never shown, even in the moment before its document is removed.
 */
public final class SearchDocumentStore {
    /** The facets, by the name the API gives them, and the column (or array column) each counts. */
    private static final Map<String, String> FACETS = facets();

    /**
     * The municipalities a facet lists at most, those with most hits: a network's broad search has hits from 1,200 of
     * them, whose names took 20–90 ms to look up and which no list of choices can usefully show.
     */
    static final int MOST_MUNICIPALITIES = 100;

    /** The columns the facets count, as {@link #FACETS} names them. */
    private static final String COUNTED = "d.post_id, d.kind, d.fields, d.openness, d.land, d.size_class, d.project_status, d.lesson_type, d.year, d.municipality";

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", "kind");
        m.put("field", "unnest(fields)");
        m.put("openness", "unnest(openness)");
        m.put("land", "land");
        m.put("size", "size_class");
        m.put("status", "project_status");
        m.put("lesson", "lesson_type");
        m.put("year", "year::text");
        m.put("municipality", "municipality");
        m.put("empfohlen", "CASE WHEN " + CurationStore.RECOMMENDED.formatted("hits.post_id") + " THEN 'true' END");
        return m;
    }

    /**
     * Nothing by an actor or from a domain (or its subdomains, with or without port) the node blocks: their posts stay
     * stored and indexed, as a block may be lifted, but are never shown (as {@code ModerationService.isBlockedDomain}).
     */
    private static final String NOT_BLOCKED = """
            NOT EXISTS (SELECT 1 FROM account a JOIN remote_actor ra ON ra.id = a.remote_actor_id
                        CROSS JOIN LATERAL (SELECT lower(ra.host) AS host, lower(split_part(ra.host, ':', 1)) AS bare) h
                        WHERE a.id = d.account_id
                          AND (EXISTS (SELECT 1 FROM actor_block b WHERE b.iri = ra.iri)
                               OR EXISTS (SELECT 1 FROM domain_block b WHERE b.domain IN (h.host, h.bare) OR h.bare LIKE '%.' || b.domain)))""";

    /** The lexemes of one word per text search configuration (empty where it is a stop word there). */
    public record Lexemes(List<String> german, List<String> english, List<String> simple) {}

    /** A document of a page of hits, as stored. */
    public record Row(long postId, URI iri, URI url, String kind, String language, String title, String text, List<String> fields,
                      String municipality, String municipalityName, java.time.Instant published, double rank, boolean recommended) {}

    /** How the words of a search matched: all of them (to find), any (to highlight); empty: no words, everything. */
    public record Match(Optional<String> all, Optional<String> any) {
        public static final Match EVERYTHING = new Match(Optional.empty(), Optional.empty());
    }

    public List<Lexemes> lexemes(DSLContext tx, List<String> words) {
        if (words.isEmpty()) return List.of();
        List<Lexemes> out = new ArrayList<>();
        for (Record r : tx.fetch("""
                SELECT tsvector_to_array(to_tsvector('german', w)), tsvector_to_array(to_tsvector('english', w)),
                       tsvector_to_array(to_tsvector('simple', w))
                FROM unnest(?::text[]) WITH ORDINALITY AS x(w, i) ORDER BY i""", (Object) words.toArray(String[]::new))) {
            out.add(new Lexemes(List.of(r.get(0, String[].class)), List.of(r.get(1, String[].class)), List.of(r.get(2, String[].class))));
        }
        return out;
    }

    /** A page of hits newest first; by rank if asked and there are words. */
    public List<Row> page(DSLContext tx, Match match, Filters filters, boolean byRank, int limit, int offset) {
        return page(tx, where(match, filters), byRank ? match.all() : Optional.empty(), limit, offset);
    }

    /** Where the newest documents of the index begin: the {@code recent}-th newest, if there are that many. */
    public Optional<Edge> recentEdge(DSLContext tx, int recent) {
        return tx.fetchOptional("SELECT published, post_id FROM search_document ORDER BY published DESC, post_id DESC OFFSET {0} LIMIT 1",
                DSL.val(recent - 1)).map(r -> new Edge(r.get(0, OffsetDateTime.class), r.get(1, Long.class)));
    }

    /** A document's place in date order: it and everything newer are the newest documents. */
    public record Edge(OffsetDateTime published, long postId) {}

    /** Ranked by {@code rankedBy} (a tsquery), or newest first without it. */
    private static List<Row> page(DSLContext tx, Condition where, Optional<String> rankedBy, int limit, int offset) {
        if (rankedBy.isEmpty()) return rows(tx, "SELECT d.post_id, 0::float8 AS rank FROM search_document d JOIN post p ON p.id = d.post_id "
                + "WHERE {0} ORDER BY d.published DESC, d.post_id DESC LIMIT {1} OFFSET {2}", where, DSL.val(limit), DSL.val(offset));
        return rows(tx, "SELECT d.post_id, ts_rank(d.terms, {3}::tsquery) AS rank FROM search_document d JOIN post p ON p.id = d.post_id "
                + "WHERE {0} ORDER BY rank DESC, d.published DESC, d.post_id DESC LIMIT {1} OFFSET {2}",
                where, DSL.val(limit), DSL.val(offset), DSL.val(rankedBy.get()));
    }

    /** The documents of a page that {@code ranks} selects ({@code post_id}, {@code rank}), read for these few rows only, in its order. */
    private static List<Row> rows(DSLContext tx, String ranks, Object... values) {
        return rows(tx, ranks, "hit.rank DESC, d.published DESC, d.post_id DESC", values);
    }

    /** The same, in the order {@code order} gives (over {@code hit} and {@code d}). */
    static List<Row> rows(DSLContext tx, String ranks, String order, Object... values) {
        List<Row> rows = new ArrayList<>();
        for (Record r : tx.fetch("SELECT d.post_id, p.iri, d.url, d.kind, d.language, d.title, d.text, d.fields, d.municipality, "
                + "d.municipality_name, d.published, coalesce(hit.rank, 0), " + CurationStore.RECOMMENDED.formatted("d.post_id")
                + " FROM (" + ranks + ") hit JOIN search_document d ON d.post_id = hit.post_id JOIN post p ON p.id = d.post_id "
                + "ORDER BY " + order, values)) {
            rows.add(new Row(r.get(0, Long.class), URI.create(r.get(1, String.class)), URI.create(r.get(2, String.class)),
                    r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, String.class),
                    List.of(r.get(7, String[].class)), r.get(8, String.class), r.get(9, String.class),
                    r.get(10, OffsetDateTime.class).toInstant(), r.get(11, Double.class), r.get(12, Boolean.class)));
        }
        return rows;
    }

    /** How many documents match (at most {@code bound}, and whether there are more) and per facet how many of them have each value. */
    public record Counts(long total, boolean totalIsLowerBound, Map<String, List<FacetCount>> facets) {}

    /**
     * Per facet, how many matching documents have each value, most first; municipalities with their names as labels.
     * Counts at most {@code bound} documents, whichever the database finds first: a broad search over a network matches
     * hundreds of thousands, and counting nine facets over a third of a million rows took 0.5–1.8 s. Where more match,
     * the counts and the total are lower bounds ({@link Counts#totalIsLowerBound}); below the bound they are exact.
     */
    public Counts facets(DSLContext tx, Match match, Filters filters, int bound) {
        return counts(tx, "search_document d", where(match, filters), bound);
    }

    /**
     * The same over the newest matches: the date index walked from the newest document through at most {@code walked}
     * documents, and no further than the counted ones are found. Where words match often, that is a few thousand rows,
     * while the words' index yields every match before the first is counted (0.21 million for "Fördermittel" and "Land"
     * at 1,000,000 documents: 67 ms for the index alone; 148–282 ms for the count against 40–62 ms for the walk, on a
     * busy machine) — and the walk's work does not grow with the index. Empty where no more than {@code bound} match in
     * the walked range: the caller counts as {@link #facets} does.
     */
    public Optional<Counts> facetsOfNewest(DSLContext tx, Match match, Filters filters, int walked, int bound) {
        // The walk as a subquery with its own limit: the conditions cannot be pushed into it, so the planner reads it in
        // order and stops at the bound. With the range as a condition instead, it read the whole range and sorted it.
        Counts counts = counts(tx, "(SELECT * FROM search_document ORDER BY published DESC, post_id DESC LIMIT " + walked + ") d",
                where(match, filters), bound);
        return counts.totalIsLowerBound() ? Optional.of(counts) : Optional.empty();
    }

    /** The document and everything newer. */
    static Condition from(Edge edge) {
        return DSL.condition("(d.published, d.post_id) >= ({0}, {1})", DSL.val(edge.published()), DSL.val(edge.postId()));
    }

    private static Counts counts(DSLContext tx, String documents, Condition where, int bound) {
        // Only the counted columns: the hits of a broad search are hundreds of thousands of rows, written once and read
        // once per facet; with titles, texts and terms (d.*) they spilled 320 MB to disk for 300,000 hits. One row more
        // than the bound says whether there are more; the facets count the first `bound`.
        StringBuilder sql = new StringBuilder("WITH found AS MATERIALIZED (SELECT " + COUNTED
                + " FROM " + documents + " JOIN post p ON p.id = d.post_id WHERE {0} LIMIT {1}), "
                + "hits AS MATERIALIZED (SELECT * FROM found LIMIT {2}) (SELECT '' AS facet, NULL AS v, count(*) AS n FROM found)");
        for (Map.Entry<String, String> f : FACETS.entrySet()) {
            sql.append(" UNION ALL (SELECT '").append(f.getKey()).append("' AS facet, v, count(*) AS n FROM (SELECT ")
                    .append(f.getValue()).append(" AS v FROM hits) x WHERE v IS NOT NULL GROUP BY v")
                    .append(f.getKey().equals("municipality") ? " ORDER BY n DESC, v LIMIT " + MOST_MUNICIPALITIES + ")" : ")");
        }
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        FACETS.keySet().forEach(k -> out.put(k, new ArrayList<>()));
        long found = 0;
        for (Record r : tx.fetch(sql + " ORDER BY facet, n DESC, v", where, DSL.val(bound + 1), DSL.val(bound))) {
            String facet = r.get(0, String.class);
            if (facet.isEmpty()) found = r.get(2, Long.class);
            else out.get(facet).add(new FacetCount(r.get(1, String.class), r.get(2, Long.class)));
        }
        return new Counts(Math.min(found, bound), found > bound, out);
    }

    /** The names of these municipalities (accts), as their newest documents give them. */
    public Map<String, String> municipalityNames(DSLContext tx, List<String> accts) {
        Map<String, String> out = new LinkedHashMap<>();
        // One lookup of the newest document per municipality (index search_document_municipality, V29; accts compare
        // without case, as the municipality filter does): a facet may count all 2,000 municipalities of a network. With
        // a second, exact condition the planner expected one row and sorted each municipality's 500 documents (25 s).
        for (Record r : tx.fetch("SELECT m.acct, d.municipality_name FROM unnest(?::text[]) AS m(acct) CROSS JOIN LATERAL "
                + "(SELECT municipality_name FROM search_document s WHERE lower(s.municipality) = lower(m.acct) "
                + "ORDER BY s.published DESC LIMIT 1) d", (Object) accts.toArray(String[]::new))) {
            out.put(r.get(0, String.class), r.get(1, String.class));
        }
        return out;
    }

    /**
     * Highlighted titles and snippets of a page of hits: the words of each text that match {@code any} (each word
     * tested with its prepared form {@code prepared}) are marked by ts_headline with {@code start} and {@code stop}.
     */
    public List<String[]> headlines(DSLContext tx, String any, List<String> words, List<String> prepared, List<Row> rows,
                                    String titleOptions, String textOptions) {
        List<String[]> out = new ArrayList<>();
        for (Record r : tx.fetch("""
                WITH hit AS (SELECT DISTINCT lower(w) AS w FROM unnest(?::text[], ?::text[]) AS x(w, t)
                             WHERE (to_tsvector('german', t) || to_tsvector('english', t) || to_tsvector('simple', t)) @@ ?::tsquery),
                     hq AS (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE string_agg(quote_literal(w), ' | ')::tsquery END AS q FROM hit)
                SELECT coalesce(ts_headline('simple', d.title, hq.q, ?), d.title), coalesce(ts_headline('simple', d.text, hq.q, ?), d.text)
                FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS d(title, text, i), hq ORDER BY d.i""",
                words.toArray(String[]::new), prepared.toArray(String[]::new), any, titleOptions, textOptions,
                rows.stream().map(Row::title).toArray(String[]::new), rows.stream().map(Row::text).toArray(String[]::new))) {
            out.add(new String[] {r.get(0, String.class), r.get(1, String.class)});
        }
        return out;
    }

    /** Whether more than {@code bound} documents match: then a search is broad (see {@link #recentByRank}). */
    public boolean matchesMoreThan(DSLContext tx, Match match, Filters filters, int bound) {
        return tx.fetchOne("SELECT count(*) > {1} FROM (SELECT 1 FROM search_document d JOIN post p ON p.id = d.post_id WHERE {0} LIMIT {2}) found",
                where(match, filters), DSL.val(bound), DSL.val(bound + 1)).get(0, Boolean.class);
    }

    static Condition where(Match match, Filters f) {
        List<Condition> c = new ArrayList<>();
        c.add(DSL.condition("p.deleted IS NULL AND p.visibility = 'public'"));
        c.add(DSL.condition(NOT_BLOCKED));
        match.all().ifPresent(q -> c.add(DSL.condition("d.terms @@ {0}::tsquery", DSL.val(q))));
        f.kind().map(SearchKind::code).ifPresent(v -> c.add(DSL.condition("d.kind = {0}", DSL.val(v))));
        // Every facet is a column of the index search_document_facets (V30): the arrays by containment, which GIN serves.
        f.field().ifPresent(v -> c.add(DSL.condition("d.fields @> ARRAY[{0}]::text[]", DSL.val(v))));
        f.openness().ifPresent(v -> c.add(DSL.condition("d.openness @> ARRAY[{0}]::text[]", DSL.val(v))));
        f.land().ifPresent(v -> c.add(DSL.condition("d.land = {0}", DSL.val(v))));
        f.sizeClass().ifPresent(v -> c.add(DSL.condition("d.size_class = {0}", DSL.val(v))));
        f.projectStatus().ifPresent(v -> c.add(DSL.condition("d.project_status = {0}", DSL.val(v))));
        f.lessonType().ifPresent(v -> c.add(DSL.condition("d.lesson_type = {0}", DSL.val(v))));
        f.year().ifPresent(v -> c.add(DSL.condition("d.year = {0}", DSL.val(v))));
        f.municipality().ifPresent(v -> c.add(DSL.condition("lower(d.municipality) = lower({0})", DSL.val(v))));
        if (f.recommendedOnly()) c.add(DSL.condition(CurationStore.RECOMMENDED.formatted("d.post_id")));
        return DSL.and(c);
    }
}
