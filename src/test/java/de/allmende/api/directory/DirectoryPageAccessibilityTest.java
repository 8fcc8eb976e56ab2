package de.allmende.api.directory;

import de.allmende.testkit.FilterPageAxe;
import de.allmende.testkit.FilterPageAxe.Choice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/**
 * The directory page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and English: with members of every origin, after
 * filtering with its form (a GET, no JavaScript: Hessen and participation leave the Landkreis), and when a filter is wrong.
 */
@DisplayName("Accessibility: the directory page passes axe-core in chromium, in German and English, filtered and with an error")
class DirectoryPageAccessibilityTest {
    @Test
    void noViolations() throws IOException {
        try (DirectoryNetwork net = new DirectoryNetwork()) {
            FilterPageAxe.assertAccessible(net.node.url() + "/directory", net.node.url() + "/directory?size=riesig",
                    List.of(new Choice("#f-land", "DE-HE"), new Choice("#f-field", "partizipation")),
                    DirectoryNetwork.ALL.size(), 1, "land=DE-HE");
        }
    }
}
