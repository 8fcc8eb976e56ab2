package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list page with a filter form (calendar, directory) checked by axe-core in chromium ({@code filter-page.mjs}, through {@link A11yBrowser}), in
 * German and English: the whole list, the list after choosing filters in the form, and a bad filter's page (a 400).
 */
public final class FilterPageAxe {
    private FilterPageAxe() {}

    /** A choice in the form: a {@code select} with its value, or a box or radio to {@code check} (value null). */
    public record Choice(String selector, String value) {
        Map<String, String> plan() {
            return value == null ? Map.of("check", selector) : Map.of("select", selector, "value", value);
        }
    }

    /**
     * Runs the script and asserts no violations, {@code all} articles on the whole list, {@code filtered} after the
     * choices (with {@code filteredQuery} in the URL the form led to), and a 400 for {@code bad}.
     */
    public static void assertAccessible(String list, String bad, List<Choice> choices, int all, int filtered, String filteredQuery) {
        JsonNode result = A11yBrowser.check("filter-page", Map.of("list", list, "bad", bad, "locales", List.of("de-DE", "en-US"),
                "choose", choices.stream().map(Choice::plan).toList()), Duration.ofSeconds(120));

        List<String> seen = AxeReport.assertNoViolations(result);
        for (JsonNode page : result.path("pages")) {
            String name = page.path("name").asText() + " (" + page.path("locale").asText() + ")";
            switch (page.path("name").asText()) {
                case "list" -> assertEquals(all, page.path("articles").asInt(), name + ": " + page);
                case "filtered by the form" -> {
                    assertEquals(filtered, page.path("articles").asInt(), name + ": " + page);
                    assertTrue(page.path("url").asText().contains(filteredQuery), page.path("url").asText());
                }
                default -> assertEquals(400, page.path("status").asInt(), name);
            }
        }
        assertEquals(6, seen.size(), "every page was checked: " + seen);
    }
}
