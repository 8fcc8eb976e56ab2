package de.allmende.federation;

import de.allmende.config.ConfigLoader;
import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two processes of one node on the same database, both running delivery workers: each follower
 * gets a post exactly once, because claims skip rows another worker has locked and a lease keeps
 * claimed rows for their worker.
 */
@DisplayName("Several processes on one database")
class SeveralProcessesTest {

    @ParameterizedTest(name = "{0} followers on {1} hosts answering after {2} ms, lease {3} s")
    @CsvSource({
            // Many hosts and quick answers: the two workers race for the same fresh rows.
            "300, 3, 20, 120",
            // One slow host: rows wait behind it longer than the lease, so the lease must be kept alive
            // by its worker; otherwise the other process takes them over and sends them a second time.
            // 150 rows × 400 ms over at most 16 connections: the last ones wait ~4 s, twice the lease. The lease
            // is not shorter because a renewal (every third of it) late by more than two thirds on a loaded
            // 2-core machine is a takeover too — rare duplicates are what at-least-once allows, not a fault.
            "150, 1, 400, 2"})
    void eachFollowerGetsThePostExactlyOnce(int followers, int hosts, int delayMillis, int leaseSeconds) {
        var env = Map.of(ConfigLoader.DELIVERY_LEASE_SECONDS, String.valueOf(leaseSeconds));
        int port = TestNode.freePort();
        try (FakeInboxes inboxes = FakeInboxes.start(hosts, Duration.ofMillis(delayMillis), FakeInboxes.always(202));
             TestNode first = TestNode.start("http://127.0.0.1:" + port, port, env);
             TestNode second = first.sibling(env)) {
            var musterstadt = first.create(Fixtures.musterstadt());
            List<String> paths = inboxes.addFollowers(first.database(), first.actorIri("musterstadt"), "nachbar", followers);

            long t0 = System.nanoTime();
            URI note = second.node().services().notes.publish(musterstadt, "<p>Gemeinderat tagt</p>");
            String create = DeliveryCrashTest.createOf(first.node().services(), note);
            TestNode.await("fan-out done", Duration.ofSeconds(30),
                    () -> first.count(TestNode.PENDING_OUTBOUND) == 0);

            System.out.printf("%d deliveries by two processes in %d ms%n", followers, (System.nanoTime() - t0) / 1_000_000);
            var received = inboxes.received(create);
            for (String path : paths) assertEquals(1L, received.get(path), path);
            assertEquals(followers, inboxes.posts().size(), "no other requests either");
            assertEquals(followers, first.count("SELECT count(*) FROM delivery WHERE delivered IS NOT NULL AND attempts = 1"));
        }
    }
}
