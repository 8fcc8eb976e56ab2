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
            Optional<Windows> windows = match.get().all().map(words -> windows());
            // Words in a large index: their matches among the newest documents first. They lead a broad search's page by
            // relevance, and how many there are says whether the words match often enough to count the newest matches.
            Optional<List<BroadSearchStore.Hit>> newest = windows.flatMap(Windows::ranked)
                    .map(edge -> broadSearch.ranked(tx, match.get(), q.filters(), edge));
            SearchDocumentStore.Counts counts = newest.filter(this::matchOften)
                    .flatMap(n -> store.facetsOfNewest(tx, match.get(), q.filters(), bounds.walked(), bounds.counted()))
                    .orElseGet(() -> store.facets(tx, match.get(), q.filters(), bounds.counted()));
            boolean byRank = q.order() == SearchQuery.Order.RELEVANCE;
            List<Row> rows = counts.total() == 0 ? List.of()
                    : counts.totalIsLowerBound() && windows.isPresent() ? broad(tx, match.get(), q.filters(), windows.get(), newest, q)
                    : store.page(tx, match.get(), q.filters(), byRank, q.limit(), q.offset());
            return new SearchResults(counts.total(), counts.totalIsLowerBound(), hits(tx, match.get(), rows), counts.facets());
        });
    }

    /** Ids of the public posts that have all these words, best first: the statuses of the Mastodon client API's search. */
    public List<Long> postIds(String words, int limit, int offset) {
        return planned(tx -> {
            Optional<Match> match = match(tx, SearchText.terms(words, MAX_WORDS)).filter(m -> m.all().isPresent());
            if (match.isEmpty()) return List.<Long>of();
            SearchQuery q = new SearchQuery(words, SearchQuery.Filters.NONE, SearchQuery.Order.RELEVANCE, limit, offset);
            if (!store.matchesMoreThan(tx, match.get(), q.filters(), bounds.counted())) {
                return store.page(tx, match.get(), q.filters(), true, limit, offset).stream().map(Row::postId).toList();
            }
            Windows windows = windows();
            Optional<List<BroadSearchStore.Hit>> newest = windows.ranked().map(edge -> broadSearch.ranked(tx, match.get(), q.filters(), edge));
            return broad(tx, match.get(), q.filters(), windows, newest, q).stream().map(Row::postId).toList();
        });
    }

    /**
     * Whether the words match often enough among the newest documents that the walked range should hold more than are
     * counted (with a margin: the newest documents are a sample).
     */
    private boolean matchOften(List<BroadSearchStore.Hit> newest) {
        return (double) newest.size() / bounds.recent() * bounds.walked() >= 1.2 * (bounds.counted() + 1);
    }

    /**
     * A broad search's page (more match than are counted): in ranges of the newest documents, by relevance among the
     * newest where {@code newest} is given ({@link BroadSearchStore}); where the index holds too few documents for
     * that, every match ranked as an exact search does.
     */
    private List<Row> broad(DSLContext tx, Match match, SearchQuery.Filters filters, Windows windows,
                            Optional<List<BroadSearchStore.Hit>> newest, SearchQuery q) {
        boolean byRank = q.order() == SearchQuery.Order.RELEVANCE;
        if (byRank && newest.isEmpty()) return store.page(tx, match, filters, true, q.limit(), q.offset());
        return broadSearch.page(tx, match, filters, walkIfWorth(windows, newest, q), byRank ? newest : Optional.empty(), q.limit(), q.offset());
    }

    /**
     * The walk for the older matches only where the newest documents suggest it finds what the page still needs: as
     * many matches per document further down as among the newest ({@code newest}, all of them, also for a search by date).
     */
    private Windows walkIfWorth(Windows windows, Optional<List<BroadSearchStore.Hit>> newest, SearchQuery q) {
        if (newest.isEmpty()) return windows; // a small index: the walk is bounded by it
        int needed = q.order() == SearchQuery.Order.RELEVANCE ? q.offset() + q.limit() - newest.get().size() : q.offset() + q.limit();
        double expected = (double) newest.get().size() / bounds.recent() * (bounds.walked() - bounds.recent());
        return new Windows(windows.ranked(), windows.walked(), expected >= needed);
    }

    private Windows windows() {
        return new Windows(edges.get(bounds.recent()), edges.get(bounds.walked()), true);
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
