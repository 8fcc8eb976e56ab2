package de.allmende.store;

import de.allmende.domain.search.SearchQuery.Filters;
import de.allmende.store.SearchDocumentStore.Match;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the search index for exports (issue 11, point 6): the same matches and filters as {@link SearchDocumentStore},
 * every column an export shows, the author's AGS (from the profile here, or the one its document gave), and the
 * provenance row where a coordinator of this node aggregates the item.
 */
public final class SearchExportStore {
    /** The author's actor here or elsewhere, and the item's provenance if aggregated. */
    private static final String JOINS = " FROM search_document d JOIN post p ON p.id = d.post_id JOIN account acc ON acc.id = d.account_id"
            + " LEFT JOIN actor la ON la.id = acc.local_actor_id LEFT JOIN remote_actor ra ON ra.id = acc.remote_actor_id ";
    private static final String AGS = "coalesce(la.ags, CASE WHEN ra.raw->>'ags' ~ '^[0-9]{8}$' THEN ra.raw->>'ags' END)";

    /** A row of an export; {@code localHandle} is set for authors on this node, {@code remoteAuthor} for the others. */
    public record Row(String iri, String url, String kind, String title, String language, List<String> fields, Instant published,
                      String municipality, String municipalityName, Optional<String> localHandle, Optional<String> remoteAuthor,
                      Optional<String> land, Optional<String> ags, Optional<Aggregated> aggregated, boolean recommended) {}

    public record Aggregated(String originHost, String via, String proofStatus, Instant lastFetched) {}

    /** A municipality with public items: a dataset of the catalogue. */
    public record Publisher(String municipality, String name, Optional<String> localHandle, Optional<String> remoteAuthor,
                            Optional<String> land, Optional<String> ags, long items, Instant newest) {}

    public List<Row> rows(DSLContext tx, Match match, Filters filters, boolean byRank, int limit, int offset) {
        String order = byRank && match.all().isPresent()
                ? "ts_rank(d.terms, {1}::tsquery) DESC, d.published DESC, d.post_id DESC" : "d.published DESC, d.post_id DESC";
        List<Row> rows = new ArrayList<>();
        for (Record r : tx.fetch("SELECT p.iri, d.url, d.kind, d.title, d.language, d.fields, d.published, d.municipality, "
                        + "d.municipality_name, la.handle, ra.iri, d.land, " + AGS + ", ai.origin_host, ai.via, ai.proof_status, ai.last_fetched, "
                        + CurationStore.RECOMMENDED.formatted("p.id") + JOINS + "LEFT JOIN aggregated_item ai ON ai.object_iri = p.iri WHERE {0} ORDER BY " + order + " LIMIT {2} OFFSET {3}",
                SearchDocumentStore.where(match, filters), DSL.val(match.all().orElse("")), DSL.val(limit), DSL.val(offset))) {
            Optional<Aggregated> aggregated = Optional.ofNullable(r.get(13, String.class)).map(host -> new Aggregated(host,
                    r.get(14, String.class), r.get(15, String.class), r.get(16, OffsetDateTime.class).toInstant()));
            rows.add(new Row(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                    r.get(4, String.class), List.of(r.get(5, String[].class)), r.get(6, OffsetDateTime.class).toInstant(),
                    r.get(7, String.class), r.get(8, String.class), Optional.ofNullable(r.get(9, String.class)),
                    Optional.ofNullable(r.get(10, String.class)), Optional.ofNullable(r.get(11, String.class)),
                    Optional.ofNullable(r.get(12, String.class)), aggregated, r.get(17, Boolean.class)));
        }
        return rows;
    }

    /** Every municipality with a public item the search would show, by acct. */
    public List<Publisher> publishers(DSLContext tx) {
        List<Publisher> out = new ArrayList<>();
        for (Record r : tx.fetch("SELECT d.municipality, max(d.municipality_name), la.handle, ra.iri, max(d.land), max(" + AGS + "), "
                + "count(*), max(d.published)" + JOINS + "WHERE {0} GROUP BY d.municipality, la.handle, ra.iri ORDER BY d.municipality",
                SearchDocumentStore.where(Match.EVERYTHING, Filters.NONE))) {
            out.add(new Publisher(r.get(0, String.class), r.get(1, String.class), Optional.ofNullable(r.get(2, String.class)),
                    Optional.ofNullable(r.get(3, String.class)), Optional.ofNullable(r.get(4, String.class)),
                    Optional.ofNullable(r.get(5, String.class)), r.get(6, Long.class), r.get(7, OffsetDateTime.class).toInstant()));
        }
        return out;
    }
}
