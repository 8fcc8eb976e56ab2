package de.allmende.api.directory;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.AxeReport;
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
 * The directory page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and English: with members of every origin, after
 * filtering with its form (a GET, no JavaScript), and when a filter is wrong.
 */
@DisplayName("Accessibility: the directory page passes axe-core in chromium, in German and English, filtered and with an error")
class DirectoryPageAccessibilityTest {
    @Test
    void noViolations() throws IOException {
        Path chromium = DebianTools.chromium();
        try (DirectoryNetwork net = new DirectoryNetwork()) {
            Path plan = Files.createTempFile("a11y-directory", ".json");
            GoldenJson.JSON.writeValue(plan.toFile(), Map.of("directory", net.node.url() + "/directory", "bad",
                    net.node.url() + "/directory?size=riesig", "locales", List.of("de-DE", "en-US")));
            JsonNode result = NodeScripts.run("src/test/interop/a11y", "playwright-core", Duration.ofSeconds(120),
                    "directory-page.mjs", chromium.toString(), plan.toString());
            Files.delete(plan);

            List<String> seen = AxeReport.assertNoViolations(result);
            for (JsonNode page : result.path("pages")) {
                String name = page.path("name").asText() + " (" + page.path("locale").asText() + ")";
                switch (page.path("name").asText()) {
                    case "directory" -> assertEquals(DirectoryNetwork.ALL.size(), page.path("municipalities").asInt(), name + ": " + page);
                    case "filtered by the form" -> {
                        assertEquals(1, page.path("municipalities").asInt(), name + ": Hessen, participation: " + page);
                        assertTrue(page.path("url").asText().contains("land=DE-HE"), page.path("url").asText());
                    }
                    default -> assertEquals(400, page.path("status").asInt(), name);
                }
            }
            assertEquals(6, seen.size(), "every page was checked: " + seen);
        }
    }
}
