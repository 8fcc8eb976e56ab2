package de.allmende.service.search;

import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchQuery.Filters;
import de.allmende.domain.search.SearchQuery.Order;
import de.allmende.domain.search.SearchResults;
import de.allmende.domain.search.SearchResults.FacetCount;
import de.allmende.domain.search.SearchResults.Hit;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broad search over a network counts and ranks only so many documents (issue 11: p95 ≤ 100 ms at 1,000,000 items):
 * shown here on the 13 items of the municipal corpus with the bounds lowered. Below a bound everything stays exact;
 * above it the total and the facets are lower bounds and say so, and only the newest matches are ranked.
 */
@DisplayName("Search bounds: exact below, lower bounds marked above, relevance among the newest matches")
class SearchBoundsTest {
    private static TestNode node;
    private static SearchCorpus corpus;

    @BeforeAll
    static void publish() {
        node = TestNode.start();
        corpus = SearchCorpus.publish(node);
        TestNode.awaitQuiet(node);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("as many documents as the bound: counted exactly, not marked")
    void atTheBoundEverythingIsExact() {
        SearchResults r = search(new SearchBounds(13, 13), everything());
        assertEquals(13, r.total());
        assertFalse(r.totalIsLowerBound());
        assertEquals(13, sum(r, "kind"));
        assertEquals(search(SearchBounds.NETWORK, everything()).facets(), r.facets(), "the same counts as with a network's bounds");
    }

    @Test
    @DisplayName("one document more than the bound: the total is the bound, marked as a lower bound, and the facets count as many")
    void aboveTheBoundTotalAndFacetsAreLowerBounds() {
        SearchResults r = search(new SearchBounds(5, 5), everything());
        assertEquals(5, r.total());
        assertTrue(r.totalIsLowerBound());
        assertEquals(5, sum(r, "kind"), "every document has one kind: the facets count the same five");
        assertTrue(sum(r, "land") <= 5);
        assertEquals(13, r.hits().size(), "the page lists on beyond the bound (up to its limit, 50)");

        SearchResults twelve = search(new SearchBounds(12, 12), everything());
        assertEquals(12, twelve.total());
        assertTrue(twelve.totalIsLowerBound());
    }

    @Test
    @DisplayName("words with more hits than counted: lower bound; with fewer: exact")
    void wordsToo() {
        SearchResults broad = search(new SearchBounds(2, 10), words("Haushalt"));
        SearchResults exact = search(SearchBounds.NETWORK, words("Haushalt"));
        assertTrue(exact.total() > 2, "the corpus has several: " + exact.total());
        assertFalse(exact.totalIsLowerBound());
        assertEquals(2, broad.total());
        assertTrue(broad.totalIsLowerBound());
    }

    @Test
    @DisplayName("a broad search by relevance: the matches among the newest documents ranked, then the older ones newest first")
    void relevanceAmongTheNewest() {
        SearchQuery q = words("Haushalt");
        List<Hit> all = search(SearchBounds.NETWORK, q).hits();
        assertTrue(all.size() >= 4, "enough hits to show the order: " + all.size());
        List<Hit> documents = search(SearchBounds.NETWORK, everything()).hits(); // newest first
        int recent = 1;
        while (inWindow(all, documents, recent).size() < 2) recent++;
        List<String> window = inWindow(all, documents, recent);
        assertTrue(window.size() < all.size(), "some matches are older than the newest " + recent + " documents");

        List<Hit> bounded = search(new SearchBounds(2, recent), q).hits();
        assertEquals(all.size(), bounded.size(), "nothing is left out, only ordered differently");
        assertEquals(window, keys(bounded.subList(0, window.size())), "the newest matches first, in the order of their rank");
        assertTrue(bounded.get(0).rank() >= bounded.get(1).rank());
        List<Hit> older = bounded.subList(window.size(), bounded.size());
        assertEquals(older.stream().sorted(NEWEST_FIRST).toList(), older, "then the others by date");
        assertTrue(older.stream().noneMatch(h -> window.contains(corpus.key(h.iri().toString()))));

        List<Hit> pageTwo = search(new SearchBounds(2, recent), new SearchQuery("Haushalt", Filters.NONE, Order.RELEVANCE, 2, 1)).hits();
        assertEquals(keys(bounded.subList(1, 3)), keys(pageTwo), "a page from the middle goes on where the one before ended");
        assertEquals(keys(all), keys(search(new SearchBounds(10_000, 1), q).hits()), "not broad: every match ranked, as before");
    }

    @Test
    @DisplayName("the older matches walked through a range of the newest documents first: the same hits in the same order, however far the walk goes")
    void theWalkedRangeChangesNoOrder() {
        SearchQuery q = words("Haushalt");
        int documents = search(SearchBounds.NETWORK, everything()).hits().size();
        for (int recent : new int[] {1, 3}) {
            List<String> whole = keys(search(new SearchBounds(2, recent, documents), q).hits());
            for (int walked : new int[] {recent, recent + 2, recent + 5, documents}) {
                assertEquals(whole, keys(search(new SearchBounds(2, recent, walked), q).hits()), "ranked " + recent + ", walked " + walked);
                for (int offset = 0; offset < whole.size(); offset += 3) {
                    List<Hit> page = search(new SearchBounds(2, recent, walked), new SearchQuery("Haushalt", Filters.NONE, Order.RELEVANCE, 2, offset)).hits();
                    assertEquals(whole.subList(offset, Math.min(whole.size(), offset + 2)), keys(page), "page at " + offset + ", ranked " + recent + ", walked " + walked);
                }
            }
        }
    }

    @Test
    @DisplayName("a broad search by date: every match newest first, as an exact one, whatever the ranges")
    void byDateAsExact() {
        SearchQuery q = new SearchQuery("Haushalt", Filters.NONE, Order.DATE, 50, 0);
        List<Hit> exact = search(SearchBounds.NETWORK, q).hits();
        assertEquals(exact.stream().sorted(NEWEST_FIRST).toList(), exact);
        int documents = search(SearchBounds.NETWORK, everything()).hits().size();
        for (int walked : new int[] {1, 3, 6, documents}) {
            assertEquals(keys(exact), keys(search(new SearchBounds(2, 1, walked), q).hits()), "walked " + walked);
            List<Hit> pageTwo = search(new SearchBounds(2, 1, walked), new SearchQuery("Haushalt", Filters.NONE, Order.DATE, 2, 2)).hits();
            assertEquals(keys(exact.subList(2, 4)), keys(pageTwo), "the second page, walked " + walked);
        }
    }

    @Test
    @DisplayName("words that match often among the newest documents: the newest matches are the ones counted")
    void oftenMatchingWordsCountTheNewest() {
        List<Hit> newestFirst = search(SearchBounds.NETWORK, new SearchQuery("Haushalt", Filters.NONE, Order.DATE, 50, 0)).hits();
        assertTrue(newestFirst.size() >= 4, "matches often enough for bounds of 2: " + newestFirst.size());
        int documents = search(SearchBounds.NETWORK, everything()).hits().size();
        SearchResults r = search(new SearchBounds(2, documents, documents), words("Haushalt"));
        assertEquals(2, r.total());
        assertTrue(r.totalIsLowerBound());
        List<FacetCount> kinds = newestFirst.subList(0, 2).stream().collect(Collectors.groupingBy(h -> h.kind().code(),
                Collectors.counting())).entrySet().stream().map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
        assertEquals(kinds.stream().sorted(Comparator.comparing(FacetCount::value)).toList(),
                r.facets().get("kind").stream().sorted(Comparator.comparing(FacetCount::value)).toList(), "the kinds of the two newest matches");
        assertEquals(keys(search(SearchBounds.NETWORK, words("Haushalt")).hits()), keys(r.hits()),
                "the page as before: every document is among the newest, so every match is ranked");
    }

    private static final Comparator<Hit> NEWEST_FIRST = Comparator.comparing(Hit::published).reversed()
            .thenComparing(Hit::postId, Comparator.reverseOrder());

    /** The keys of the hits (in their order) that are among the {@code recent} newest documents. */
    private static List<String> inWindow(List<Hit> hits, List<Hit> documentsNewestFirst, int recent) {
        List<Long> newest = documentsNewestFirst.subList(0, Math.min(recent, documentsNewestFirst.size())).stream().map(Hit::postId).toList();
        return keys(hits.stream().filter(h -> newest.contains(h.postId())).toList());
    }

    private static SearchResults search(SearchBounds bounds, SearchQuery q) {
        return new NodeSearch(node.node().services().db, bounds).search(q);
    }

    private static SearchQuery everything() {
        return new SearchQuery("", Filters.NONE, Order.DATE, 50, 0);
    }

    private static SearchQuery words(String words) {
        return new SearchQuery(words, Filters.NONE, Order.RELEVANCE, 50, 0);
    }

    private static long sum(SearchResults r, String facet) {
        return r.facets().get(facet).stream().mapToLong(FacetCount::count).sum();
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> corpus.key(h.iri().toString())).toList();
    }
}
