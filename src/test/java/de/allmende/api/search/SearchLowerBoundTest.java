package de.allmende.api.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.web.SearchPage;
import de.allmende.api.web.Templates;
import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchResults;
import de.allmende.domain.search.SearchResults.FacetCount;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the API and the page say of a broad search counted only up to the bound (SearchBoundsTest shows when that is):
 * the JSON keeps {@code total} a number and says {@code totalIsLowerBound}; the page says "mehr als 10.000 Treffer".
 * Exactly counted results read as before.
 */
@DisplayName("Search API and page: a total counted to the bound reads as a lower bound, an exact one as before")
class SearchLowerBoundTest {
    private static final Map<String, List<FacetCount>> KINDS = Map.of("kind", List.of(new FacetCount("project", 10_000)));
    private static final SearchResults BROAD = new SearchResults(10_000, true, List.of(), KINDS);
    private static final SearchResults EXACT = new SearchResults(13, List.of(), Map.of("kind", List.of(new FacetCount("project", 13))));

    @Test
    @DisplayName("JSON: total 10000 with totalIsLowerBound true; an exact total with false")
    void json() {
        SearchQuery q = SearchQuery.words("Haushalt", 20);
        ObjectNode broad = SearchHandlers.body(q, BROAD, Map.of());
        assertEquals(10_000, broad.path("total").asInt());
        assertTrue(broad.path("totalIsLowerBound").asBoolean());
        assertEquals(10_000, broad.path("facets").path("kind").path(0).path("count").asInt());
        ObjectNode exact = SearchHandlers.body(q, EXACT, Map.of());
        assertEquals(13, exact.path("total").asInt());
        assertTrue(exact.path("totalIsLowerBound").isBoolean());
        assertFalse(exact.path("totalIsLowerBound").asBoolean());
    }

    @Test
    @DisplayName("page: 'mehr als 10.000 Treffer' (English: 'more than 10,000 results'); exact: '13 Treffer'")
    void page() {
        SearchPage page = new SearchPage(new Templates(), "Netzwerk Hessen");
        assertEquals("mehr als 10.000 Treffer", heading(page.render("de", SearchQuery.words("Haushalt", 20), BROAD, Map.of(), Map.of(),
                "/search", "/search?q=Haushalt", "/api", Optional.empty())));
        assertEquals("more than 10,000 results", heading(page.render("en", SearchQuery.words("Haushalt", 20), BROAD, Map.of(), Map.of(),
                "/search", "/search?q=Haushalt", "/api", Optional.empty())));
        assertEquals("13 Treffer", heading(page.render("de", SearchQuery.words("Haushalt", 20), EXACT, Map.of(), Map.of(),
                "/search", "/search?q=Haushalt", "/api", Optional.empty())));
    }

    private static String heading(String html) {
        return Jsoup.parse(html).selectFirst("#treffer").text();
    }
}
