package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the accessibility scripts of {@code src/test/interop/a11y} report, checked alike for every page. */
public final class AxeReport {
    private AxeReport() {}

    /**
     * Checks that every page of the report is in its browser's language, that axe ran its rules on it and found no
     * violation; returns the pages' names, each with its locale.
     */
    public static List<String> assertNoViolations(JsonNode result) {
        List<String> seen = new ArrayList<>();
        for (JsonNode page : result.path("pages")) {
            String name = page.path("name").asText() + " (" + page.path("locale").asText() + ")";
            seen.add(name);
            assertEquals(page.path("locale").asText().substring(0, 2), page.path("lang").asText(), name + " is in the browser's language");
            assertTrue(page.path("rulesPassed").asInt() >= 10, name + ": axe ran its rules: " + page);
            assertEquals(0, page.path("violations").size(), name + " has axe violations: " + page.path("violations").toPrettyString());
        }
        return seen;
    }
}
