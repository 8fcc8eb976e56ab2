package de.allmende.service.search;

import de.allmende.db.Database;
import de.allmende.domain.search.ExportItem;
import de.allmende.domain.search.ExportItem.Provenance;
import de.allmende.domain.search.SearchKind;
import de.allmende.domain.search.SearchQuery;
import de.allmende.service.port.LocalIris;
import de.allmende.store.SearchDocumentStore.Match;
import de.allmende.store.SearchExportStore;
import de.allmende.store.SearchExportStore.Publisher;
import de.allmende.store.SearchExportStore.Row;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The hits of a search as exports read them (issue 11, point 6): exactly what {@link NodeSearch} finds for the same
 * words and filters, in the same order, without snippets, each with its provenance; and the municipalities the
 * node's catalogue lists.
 */
public final class SearchExport {
    private final Database db;
    private final NodeSearch search;
    private final LocalIris iris;
    private final SearchExportStore store = new SearchExportStore();

    public SearchExport(Database db, NodeSearch search, LocalIris iris) {
        this.db = db;
        this.search = search;
        this.iris = iris;
    }

    /** Up to {@code q.limit()} hits; {@code truncated} if there are more past them. */
    public record Items(List<ExportItem> items, boolean truncated) {}

    public Items items(SearchQuery q) {
        DSLContext tx = db.dsl();
        Optional<Match> match = search.match(tx, SearchText.terms(q.words(), NodeSearch.MAX_WORDS));
        if (match.isEmpty()) return new Items(List.of(), false);
        // One row more than asked tells whether the export is cut off.
        List<Row> rows = store.rows(tx, match.get(), q.filters(), q.order() == SearchQuery.Order.RELEVANCE, q.limit() + 1, q.offset());
        boolean truncated = rows.size() > q.limit();
        return new Items(rows.stream().limit(q.limit()).map(this::item).toList(), truncated);
    }

    public List<Publisher> publishers() {
        return store.publishers(db.dsl());
    }

    /** The actor IRI of a municipality the catalogue lists. */
    public URI author(Publisher p) {
        return author(p.localHandle(), p.remoteAuthor());
    }

    private ExportItem item(Row r) {
        URI iri = URI.create(r.iri());
        Provenance provenance = r.aggregated()
                .map(a -> new Provenance(a.originHost(), a.via(), Optional.of(a.proofStatus()), Optional.of(a.lastFetched())))
                .orElseGet(() -> new Provenance(iri.getRawAuthority(), r.localHandle().isPresent() ? "local" : "received",
                        Optional.empty(), Optional.empty()));
        return new ExportItem(iri, URI.create(r.url()), SearchKind.byCode(r.kind()).orElseThrow(), r.title(), r.language(), r.fields(),
                r.published(), r.municipality(), r.municipalityName(), author(r.localHandle(), r.remoteAuthor()), r.land(), r.ags(),
                r.recommended(), provenance);
    }

    private URI author(Optional<String> localHandle, Optional<String> remoteAuthor) {
        return localHandle.map(iris::actor).orElseGet(() -> URI.create(remoteAuthor.orElseThrow()));
    }
}
