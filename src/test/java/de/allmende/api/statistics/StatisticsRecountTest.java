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

    @Test
    @DisplayName("a node that holds a million posts counts its dashboard soon after start, so the first visitor is served from that count")
    void aLargeNodeCountsAtStart() {
        TestNode first = TestNode.start();
        LocalActor musterstadt = first.create(Fixtures.musterstadt());
        first.node().services().notes.publish(musterstadt, "<p>Sprechstunde im Rathaus</p>");
        TestNode.await("the note indexed", () -> first.count("SELECT count(*) FROM search_document") == 1);
        // What PostgreSQL estimates after ANALYZE on a coordinator's node (the test database's user may set it):
        first.execute("UPDATE pg_class SET reltuples = 1000000 WHERE oid = 'post'::regclass");
        first.close();
        try (TestNode node = first.restarted()) {
            var statistics = node.node().services().statistics;
            TestNode.await("every figure counted after start, nobody asked", statistics::allCounted);
            node.node().services().notes.publish(musterstadt, "<p>Neu im Bürgerbüro</p>");
            TestNode.await("the second note indexed", () -> node.count("SELECT count(*) FROM search_document") == 2);

            String csv = node.get("/statistics.csv?chart=kinds", null).body();
            assertTrue(csv.lines().anyMatch(l -> l.contains("note") && l.endsWith(",1")), "the count made at start: " + csv);
        }
    }
}
