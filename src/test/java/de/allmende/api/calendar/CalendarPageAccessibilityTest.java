package de.allmende.api.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.AxeResults;
import de.allmende.testkit.DebianTools;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.NodeScripts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged calendar page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and English: with events of every origin, after
 * filtering with its form (no JavaScript involved: the form is a GET), and when a filter is wrong.
 */
@DisplayName("Accessibility: the calendar page passes axe-core in chromium, in German and English, filtered and with an error")
class CalendarPageAccessibilityTest {
    @Test
    void noViolations() throws IOException {
        Path chromium = DebianTools.chromium();
        try (CalendarNetwork net = new CalendarNetwork()) {
            Path plan = Files.createTempFile("a11y-calendar", ".json");
            GoldenJson.JSON.writeValue(plan.toFile(), Map.of("calendar", net.node.url() + "/calendar", "bad",
                    net.node.url() + "/calendar?land=Atlantis", "locales", List.of("de-DE", "en-US")));
            JsonNode result = NodeScripts.run("src/test/interop/a11y", "playwright-core", Duration.ofSeconds(120),
                    "calendar-page.mjs", chromium.toString(), plan.toString());
            Files.delete(plan);

            List<String> seen = AxeResults.assertNoViolations(result);
            for (JsonNode page : result.path("pages")) {
                String name = page.path("name").asText() + " (" + page.path("locale").asText() + ")";
                switch (page.path("name").asText()) {
                    case "calendar" -> assertEquals(5, page.path("events").asInt(), name + ": " + page);
                    case "filtered by the form" -> {
                        assertEquals(2, page.path("events").asInt(), name + ": Bayern, online: " + page);
                        assertTrue(page.path("url").asText().contains("land=DE-BY"), page.path("url").asText());
                    }
                    default -> assertEquals(400, page.path("status").asInt(), name);
                }
            }
            assertEquals(6, seen.size(), "every page was checked: " + seen);
        }
    }
}
