package de.allmende.service.search;

import de.allmende.db.Database;
import de.allmende.domain.search.SearchKind;
import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchResults;
import de.allmende.domain.search.SearchResults.Hit;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.allmende.store.BroadSearchStore;
import de.allmende.store.BroadSearchStore.Windows;
import de.allmende.store.SearchDocumentStore;
import de.allmende.store.SearchDocumentStore.Edge;
import de.allmende.store.SearchDocumentStore.Match;
import de.allmende.store.SearchDocumentStore.Row;
import org.jooq.DSLContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Search over what this node holds (issue 11, point 3): the public posts written here and received, by their words in
 * German and English (compounds by their parts, inflections, umlauts and ß written out or not), with facets, in order
 * of relevance or date, with the words that matched marked. The search page, the search API and the Mastodon client
 * API's statuses search all ask here.
 */
public final class NodeSearch {
    /** At most this many words of a query count. */
    public static final int MAX_WORDS = 16;
    private static final String MARKS = "StartSel=" + SearchResults.MARK_START + ", StopSel=" + SearchResults.MARK_END;
    private static final String TITLE_OPTIONS = MARKS + ", HighlightAll=true";
    private static final String TEXT_OPTIONS = MARKS + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    /** A snippet without words to mark: the start of the text. */
    private static final int PLAIN_SNIPPET = 240;

    private final Database db;
    private final SearchBounds bounds;
    private final SearchDocumentStore store = new SearchDocumentStore();
    private final BroadSearchStore broadSearch = new BroadSearchStore();
    /**
     * Where the newest documents begin (the ranked and the walked range), looked up at most once a minute: finding the
     * 2,000th newest of 1,000,000 takes a walk of the index (15–75 ms on a busy machine); a minute's new documents only
     * make the ranges a little larger.
     */
    private final LoadingCache<Integer, Optional<Edge>> edges;

    public NodeSearch(Database db) {
        this(db, SearchBounds.NETWORK);
    }

    /** With other bounds: a test shows on a few documents what a network's broad searches do. */
    NodeSearch(Database db, SearchBounds bounds) {
        this.db = db;
        this.bounds = bounds;
        this.edges = Caffeine.newBuilder().maximumSize(2).expireAfterWrite(Duration.ofMinutes(1))
                .build(newest -> store.recentEdge(db.dsl(), newest));
    }

    public SearchResults search(SearchQuery q) {
        return planned(tx -> {
            List<SearchText.Term> terms = SearchText.terms(q.words(), MAX_WORDS);
            Optional<Match> match = match(tx, terms);
            if (match.isEmpty()) return new SearchResults(0, List.of(), Map.of()); // only stop words: nothing asked, nothing found
            SearchDocumentStore.Counts counts = store.facets(tx, match.get(), q.filters(), bounds.counted());
            boolean byRank = q.order() == SearchQuery.Order.RELEVANCE;
            List<Row> rows = counts.total() == 0 ? List.of() : page(tx, match.get(), q.filters(), byRank, counts.totalIsLowerBound(), q.limit(), q.offset());
            return new SearchResults(counts.total(), counts.totalIsLowerBound(), hits(tx, match.get(), rows), counts.facets());
        });
    }

    /** Ids of the public posts that have all these words, best first: the statuses of the Mastodon client API's search. */
    public List<Long> postIds(String words, int limit, int offset) {
        return planned(tx -> {
            Optional<Match> match = match(tx, SearchText.terms(words, MAX_WORDS)).filter(m -> m.all().isPresent());
            if (match.isEmpty()) return List.<Long>of();
            boolean broad = store.matchesMoreThan(tx, match.get(), SearchQuery.Filters.NONE, bounds.counted());
            return page(tx, match.get(), SearchQuery.Filters.NONE, true, broad, limit, offset).stream().map(Row::postId).toList();
        });
    }

    /**
     * A search's statements, in one transaction (one snapshot for the count and the page), each planned for its values.
     * After five executions pgjdbc prepares a statement on the server, and PostgreSQL may then plan it once for any
     * value: a plan for {@code terms @@ $1} cannot know that "Haushalt" matches a third of the index, and counting its
     * first 1,000 matches went from 13–27 ms to 78–110 ms (1,000,000 documents) by reading every match first.
     */
    private <T> T planned(Function<DSLContext, T> search) {
        return db.dsl().transactionResult(cfg -> {
            cfg.dsl().execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return search.apply(cfg.dsl());
        });
    }

    /**
     * Where the search is broad (more match than are counted) in ranges of the newest documents (by rank among the
     * newest, see {@link BroadSearchStore}), else exactly.
     */
    private List<Row> page(DSLContext tx, Match match, SearchQuery.Filters filters, boolean byRank, boolean isBroad, int limit, int offset) {
        if (!isBroad || match.all().isEmpty()) return store.page(tx, match, filters, byRank, limit, offset);
        Windows windows = new Windows(edges.get(bounds.recent()), edges.get(bounds.walked()));
        if (byRank && windows.ranked().isEmpty()) return store.page(tx, match, filters, true, limit, offset); // few documents: rank them all
        return broadSearch.page(tx, match, filters, windows, byRank, limit, offset);
    }

    /** The municipalities' names, for the labels of the municipality facet. */
    public Map<String, String> municipalityNames(List<String> accts) {
        return store.municipalityNames(db.dsl(), accts);
    }

    /** What the words match: everything if there are none; empty if there are some but none asks anything. */
    Optional<Match> match(DSLContext tx, List<SearchText.Term> terms) {
        if (terms.isEmpty()) return Optional.of(Match.EVERYTHING);
        TsQueries.Built built = TsQueries.build(terms, store.lexemes(tx, TsQueries.words(terms)));
        return built.all().map(all -> new Match(Optional.of(all), built.any()));
    }

    private List<Hit> hits(DSLContext tx, Match match, List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        List<String[]> headlines = match.any().isPresent() ? headlines(tx, match.any().get(), rows) : List.of();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String title = headlines.isEmpty() ? r.title() : headlines.get(i)[0];
            String snippet = headlines.isEmpty() ? start(r.text()) : headlines.get(i)[1];
            hits.add(new Hit(r.postId(), r.iri(), r.url(), SearchKind.byCode(r.kind()).orElseThrow(), r.language(), r.title(), title,
                    snippet, r.fields(), r.municipality(), r.municipalityName(), r.published(), r.rank(), r.recommended()));
        }
        return hits;
    }

    /** The page's titles and snippets, each word of theirs that matches marked. */
    private List<String[]> headlines(DSLContext tx, String any, List<Row> rows) {
        Set<String> words = new LinkedHashSet<>();
        for (Row r : rows) {
            words.addAll(SearchText.words(r.title()));
            words.addAll(SearchText.words(r.text()));
        }
        List<String> distinct = List.copyOf(words);
        List<String> prepared = distinct.stream().map(w -> SearchText.indexed(w, true)).toList();
        return store.headlines(tx, any, distinct, prepared, rows, TITLE_OPTIONS, TEXT_OPTIONS);
    }

    private static String start(String text) {
        if (text.length() <= PLAIN_SNIPPET) return text;
        int cut = text.lastIndexOf(' ', PLAIN_SNIPPET);
        return text.substring(0, cut > 0 ? cut : PLAIN_SNIPPET) + " …";
    }
}
