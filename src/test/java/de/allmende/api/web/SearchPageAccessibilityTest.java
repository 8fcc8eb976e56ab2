package de.allmende.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.A11yBrowser;
import de.allmende.testkit.AxeReport;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and in English: everything, hits with marked words,
 * narrowed by a facet with a next page, a search sent through its form, no hits, and a parameter that names nothing.
 */
@DisplayName("Accessibility: the search page passes axe-core in chromium, in German and English")
class SearchPageAccessibilityTest {
    private static final List<String> PAGES = List.of("everything", "hits", "narrowed", "form", "no hits", "bad parameter");

    @Test
    void noViolations() {
        try (TestNode node = TestNode.start()) {
            SearchCorpus.publish(node);
            TestNode.awaitQuiet(node);
            JsonNode result = A11yBrowser.check("search-page", Map.of("base", node.url(),
                    "runs", List.of(Map.of("locale", "de-DE"), Map.of("locale", "en-US"))), Duration.ofSeconds(120));

            List<String> seen = AxeReport.assertNoViolations(result);
            for (JsonNode page : result.path("pages")) {
                String name = page.path("name").asText() + " (" + page.path("locale").asText() + ")";
                assertEquals(page.path("name").asText().equals("bad parameter") ? 400 : 200, page.path("status").asInt(), name);
                if (page.path("name").asText().equals("hits")) assertTrue(page.path("marks").asInt() > 0, "words are marked: " + page);
            }
            assertEquals(PAGES.size() * 2, seen.size(), "every page was checked: " + seen);
        }
    }
}
