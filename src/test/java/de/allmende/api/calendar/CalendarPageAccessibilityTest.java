package de.allmende.api.calendar;

import de.allmende.testkit.FilterPageAxe;
import de.allmende.testkit.FilterPageAxe.Choice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/**
 * The merged calendar page passes axe-core in a real browser (Debian's chromium, driven by playwright-core from
 * {@code src/test/interop/a11y}) with no violations, in German and English: with events of every origin, after
 * filtering with its form (no JavaScript involved: the form is a GET), and when a filter is wrong.
 */
@DisplayName("Accessibility: the calendar page passes axe-core in chromium, in German and English, filtered and with an error")
class CalendarPageAccessibilityTest {
    @Test
    void noViolations() throws IOException {
        try (CalendarNetwork net = new CalendarNetwork()) {
            // Bayern, online: two events.
            FilterPageAxe.assertAccessible(net.node.url() + "/calendar", net.node.url() + "/calendar?land=Atlantis",
                    List.of(new Choice("#f-land", "DE-BY"), new Choice("#f-attendance-online", null)), 5, 2, "land=DE-BY");
        }
    }
}
