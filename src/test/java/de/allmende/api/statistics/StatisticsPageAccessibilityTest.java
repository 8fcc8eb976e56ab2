package de.allmende.api.statistics;

import de.allmende.testkit.FilterPageAxe;
import de.allmende.testkit.FilterPageAxe.Choice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/**
 * The statistics page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and English: all eleven figures with their tables, after
 * choosing one (the network graph) in its form (a GET, no JavaScript), and when a parameter is wrong.
 */
@DisplayName("Accessibility: the statistics page passes axe-core in chromium, in German and English, and with an error")
class StatisticsPageAccessibilityTest {
    @Test
    void noViolations() throws IOException {
        try (StatisticsNetwork s = new StatisticsNetwork()) {
            FilterPageAxe.assertAccessible(s.node.url() + "/statistics", s.node.url() + "/statistics?chart=pie",
                    List.of(new Choice("#f-chart", "network")), 11, 1, "chart=network");
        }
    }
}
