package de.allmende.store;

import de.allmende.domain.search.SearchDocument;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the search index (table {@code search_document}, migration V22) and reads what a document is made of beyond
 * the post itself: the municipal terms of its ActivityStreams object and the facts of its author.
 */
public final class SearchIndexStore {

    /**
     * The object's and the author's part of a document, as stored (codes not yet checked).
     *
     * @param land       the Land as the author states it: a key ("05") here, ISO 3166-2 ("DE-NW") from other nodes
     * @param population the author's population, if it states one that is a number
     * @param content    the object's {@code contentMap} (language → HTML), which for municipal content has more than the
     *                   post's body (a lesson's sections, a project's status); empty if it has none
     */
    public record Facts(List<String> fields, List<String> openness, Optional<String> projectStatus, Optional<String> lessonType,
                        String municipality, String municipalityName, Optional<String> land, Optional<Integer> population,
                        Optional<String> municipalityType, Map<String, String> content) {}

    /**
     * Serialises the indexing of one post across all processes until the transaction ends, so that the job that runs
     * last reads the post's state last: jobs of one post's events may run at once, in any order.
     */
    public void lock(DSLContext tx, long postId) {
        lock(tx, List.of(postId));
    }

    /** {@link #lock(DSLContext, long)} for several posts at once, taken in the order given (unnest keeps it). */
    public void lock(DSLContext tx, List<Long> postIds) {
        if (postIds.isEmpty()) return;
        tx.fetch("SELECT pg_advisory_xact_lock(hashtextextended('search_document ' || p.id::text, 0)) FROM unnest(?::bigint[]) AS p(id)",
                (Object) postIds.toArray(Long[]::new));
    }

    public Facts facts(DSLContext tx, long postId) {
        Facts f = facts(tx, List.of(postId)).get(postId);
        if (f == null) throw new IllegalStateException("post " + postId + " is gone");
        return f;
    }

    /** The facts of several posts in one query, by post id (posts that are gone are left out). */
    public Map<Long, Facts> facts(DSLContext tx, java.util.Collection<Long> postIds) {
        Map<Long, Facts> out = new java.util.HashMap<>();
        if (postIds.isEmpty()) return out;
        for (Record r : tx.fetch("""
                SELECT ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(o.raw->'fieldOfAction') = 'array'
                                                                  THEN o.raw->'fieldOfAction' ELSE '[]' END)),
                       ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(o.raw->'openness') = 'array'
                                                                  THEN o.raw->'openness' ELSE '[]' END)),
                       o.raw->>'projectStatus', o.raw->>'lessonType',
                       coalesce(act.handle, ra.preferred_username || '@' || ra.host, ra.iri),
                       coalesce(act.display_name, nullif(ra.name, ''), ra.preferred_username, ra.iri),
                       coalesce(act.land, ra.raw->>'land'),
                       coalesce(act.population, CASE WHEN ra.raw->>'population' ~ '^[0-9]{1,9}$' THEN (ra.raw->>'population')::int END),
                       coalesce(act.municipality_type, ra.raw->>'municipalityType'),
                       ARRAY(SELECT key FROM jsonb_each_text(m.map) ORDER BY key), ARRAY(SELECT value FROM jsonb_each_text(m.map) ORDER BY key),
                       p.id
                FROM post p
                JOIN account a ON a.id = p.author_id
                LEFT JOIN actor act ON act.id = a.local_actor_id
                LEFT JOIN remote_actor ra ON ra.id = a.remote_actor_id
                LEFT JOIN ap_object o ON o.id = p.object_id
                CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(o.raw->'contentMap') = 'object' THEN o.raw->'contentMap'
                                                ELSE '{}' END AS map) m
                WHERE p.id = ANY(?::bigint[])""", (Object) postIds.toArray(Long[]::new))) {
            out.put(r.get(11, Long.class), new Facts(List.of(r.get(0, String[].class)), List.of(r.get(1, String[].class)),
                    Optional.ofNullable(r.get(2, String.class)), Optional.ofNullable(r.get(3, String.class)), r.get(4, String.class),
                    r.get(5, String.class), Optional.ofNullable(r.get(6, String.class)), Optional.ofNullable(r.get(7, Integer.class)),
                    Optional.ofNullable(r.get(8, String.class)), content(r.get(9, String[].class), r.get(10, String[].class))));
        }
        return out;
    }

    /** German first, as the node writes it (Mastodon shows the first language). */
    private static Map<String, String> content(String[] languages, String[] texts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < languages.length; i++) if (languages[i].equals("de")) out.put(languages[i], texts[i]);
        for (int i = 0; i < languages.length; i++) out.putIfAbsent(languages[i], texts[i]);
        return out;
    }

    /** Writes the document, replacing the one of the same post. */
    public void save(DSLContext tx, SearchDocument d) {
        save(tx, List.of(d));
    }

    /** Separates a document's facet codes in one text (codes are words of the vocabularies; none holds it). */
    private static final String CODES = "\u001f";

    /**
     * Writes the documents, each replacing the one of the same post, in one statement: the rows' values as arrays, one
     * element per document, so that a batch of the indexer costs one round trip. At most one document per post.
     */
    public void save(DSLContext tx, List<SearchDocument> docs) {
        if (docs.isEmpty()) return;
        int n = docs.size();
        Long[] postIds = new Long[n], accounts = new Long[n];
        Integer[] years = new Integer[n];
        String[][] texts = new String[22][n]; // kind … url, as in the unnest below
        for (int i = 0; i < n; i++) {
            SearchDocument d = docs.get(i);
            SearchDocument.Terms t = d.terms();
            postIds[i] = d.postId();
            accounts[i] = d.accountId();
            years[i] = d.year();
            String[] row = {d.kind().code(), d.language(), d.title(), d.text(),
                    t.title().german(), t.title().english(), t.title().simple(),
                    t.summary().german(), t.summary().english(), t.summary().simple(),
                    t.body().german(), t.body().english(), t.body().simple(),
                    String.join(CODES, d.fields()), String.join(CODES, d.openness()), d.land().orElse(null), d.sizeClass().orElse(null),
                    d.projectStatus().orElse(null), d.lessonType().orElse(null), d.municipality(), d.municipalityName(), d.url().toString()};
            for (int c = 0; c < row.length; c++) texts[c][i] = row[c];
        }
        String[] published = docs.stream().map(d -> d.published().toString()).toArray(String[]::new);
        Object[] bindings = new Object[2 + texts.length + 3];
        int b = 0;
        bindings[b++] = postIds;
        for (String[] column : texts) bindings[b++] = column;
        bindings[b++] = years;
        bindings[b++] = accounts;
        bindings[b++] = published;
        bindings[b] = CODES;
        tx.execute("""
                INSERT INTO search_document (post_id, kind, language, title, text, terms, fields, openness, land, size_class,
                    project_status, lesson_type, year, account_id, municipality, municipality_name, url, published)
                SELECT d.post_id, d.kind, d.language, d.title, d.text,
                    setweight(to_tsvector('german', d.tg) || to_tsvector('english', d.te) || to_tsvector('simple', d.ts), 'A') ||
                    setweight(to_tsvector('german', d.sg) || to_tsvector('english', d.se) || to_tsvector('simple', d.ss), 'B') ||
                    setweight(to_tsvector('german', d.bg) || to_tsvector('english', d.be) || to_tsvector('simple', d.bs), 'C'),
                    string_to_array(d.fields, c.sep), string_to_array(d.openness, c.sep), d.land, d.size_class, d.project_status,
                    d.lesson_type, d.year, d.account_id, d.municipality, d.municipality_name, d.url, d.published
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::timestamptz[])
                     AS d(post_id, kind, language, title, text, tg, te, ts, sg, se, ss, bg, be, bs, fields, openness, land, size_class,
                          project_status, lesson_type, municipality, municipality_name, url, year, account_id, published),
                     (SELECT ?::text AS sep) c
                ON CONFLICT (post_id) DO UPDATE SET kind = EXCLUDED.kind, language = EXCLUDED.language, title = EXCLUDED.title,
                    text = EXCLUDED.text, terms = EXCLUDED.terms, fields = EXCLUDED.fields, openness = EXCLUDED.openness,
                    land = EXCLUDED.land, size_class = EXCLUDED.size_class, project_status = EXCLUDED.project_status,
                    lesson_type = EXCLUDED.lesson_type, year = EXCLUDED.year, account_id = EXCLUDED.account_id,
                    municipality = EXCLUDED.municipality, municipality_name = EXCLUDED.municipality_name, url = EXCLUDED.url,
                    published = EXCLUDED.published""", bindings);
    }

    /** Removes the documents of these posts (no longer public, or gone). */
    public void delete(DSLContext tx, java.util.Collection<Long> postIds) {
        if (postIds.isEmpty()) return;
        tx.execute("DELETE FROM search_document WHERE post_id = ANY(?::bigint[])", (Object) postIds.toArray(Long[]::new));
    }

    public void delete(DSLContext tx, long postId) {
        tx.execute("DELETE FROM search_document WHERE post_id = ?", postId);
    }
}
