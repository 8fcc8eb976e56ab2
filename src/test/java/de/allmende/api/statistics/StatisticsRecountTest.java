package de.allmende.api.statistics;

import de.allmende.domain.LocalActor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator's charts count a million items (seconds, BENCHMARKS.md "Coordinator at scale"): a chart is counted
 * when first asked and then served from that count, counted again at most once a minute.
 */
@DisplayName("statistics: a chart asked again within the minute is served from its last count")
class StatisticsRecountTest {
    @Test
    void aSecondRequestWithinTheMinuteGetsTheFirstCount() {
        try (TestNode node = TestNode.start()) {
            LocalActor musterstadt = node.create(Fixtures.musterstadt());
            String first = node.get("/statistics.csv?chart=kinds", null).body();
            node.node().services().notes.publish(musterstadt, "<p>Neu im Bürgerbüro</p>");
            TestNode.await("the note indexed", () -> node.count("SELECT count(*) FROM search_document") == 1);

            String again = node.get("/statistics.csv?chart=kinds", null).body();
            assertEquals(first, again, "served from the first count");
            assertTrue(!again.contains("note"), again);
        }
    }
}
