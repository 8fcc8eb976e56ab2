package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the page checks in {@code src/test/interop/a11y} report (axe-check.mjs), judged the same for every page. */
public final class AxeResults {
    private AxeResults() {}

    /**
     * Asserts for every page in {@code result}: it is in its browser's language, axe ran its rules on it, and found no
     * violation. Returns the pages' names with their locale, e.g. "login (de-DE)".
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
