package de.allmende.federation;

import de.allmende.store.HostStore;
import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the sender treats peers that are down, refuse for a while, or are gone for good. */
@DisplayName("Peers that fail and recover")
class PeerRecoveryTest {
    private static final int POSTS = 3;

    /**
     * One follower host with five inboxes: one answers 503 for its first four requests, one 401 and
     * one 429 for their first two (all worth retrying), one 410 and one 404 (never worth retrying).
     */
    private static int script(String path, int nth) {
        return switch (path) {
            case "/users/flaky/inbox" -> nth <= 4 ? 503 : 202;
            case "/users/unsigned/inbox" -> nth <= 2 ? 401 : 202;
            case "/users/busy/inbox" -> nth <= 2 ? 429 : 202;
            case "/users/gone/inbox" -> 410;
            case "/users/missing/inbox" -> 404;
            default -> 500;
        };
    }

    @Test
    void retriesUntilThePeerAnswersAndGivesUpAtOnceOnGoneOrMissing() {
        try (TestNode sender = TestNode.start(); FakeInboxes peer = FakeInboxes.start(1, Duration.ZERO, PeerRecoveryTest::script)) {
            var musterstadt = sender.create(Fixtures.musterstadt());
            peer.addFollowers(sender.database(), sender.actorIri("musterstadt"), List.of("flaky", "unsigned", "busy", "gone", "missing"));
            List<String> creates = new ArrayList<>();
            for (int i = 1; i <= POSTS; i++) {
                URI note = sender.node().services().notes.publish(musterstadt, "<p>Mitteilung " + i + "</p>");
                creates.add(DeliveryCrashTest.createOf(sender.node().services(), note));
            }
            TestNode.await("every delivery settled", Duration.ofSeconds(30),
                    () -> sender.count(TestNode.PENDING_OUTBOUND) == 0);

            for (String retried : List.of("flaky", "unsigned", "busy")) {
                String inbox = "/users/" + retried + "/inbox";
                for (String create : creates) assertTrue(peer.received(create).getOrDefault(inbox, 0L) >= 1, create + " never reached " + retried);
                assertEquals(POSTS, sender.count("SELECT count(*)" + rows(peer, inbox) + " AND delivered IS NOT NULL"), retried + ": every row delivered");
                assertTrue(sender.count("SELECT max(attempts)" + rows(peer, inbox)) > 1,
                        retried + " needed more than one attempt");
            }
            for (String permanent : List.of("gone", "missing")) {
                String inbox = "/users/" + permanent + "/inbox";
                assertEquals(POSTS, sender.count("SELECT count(*)" + rows(peer, inbox) + " AND failed IS NOT NULL AND attempts = 1"), permanent + ": failed at once");
                assertEquals(POSTS, peer.postsTo(inbox), permanent + " was asked once per post, never again");
            }
            String host = URI.create(peer.host(0)).getRawAuthority();
            assertFalse(new HostStore().isUnavailable(sender.node().services().db.dsl(), host), "failures on one day do not count as down");
        }
    }

    @Test
    void aHostIsSkippedAfterFailuresOnSevenDaysAndRevivedByAnythingItSends() {
        try (TestNode stadt = TestNode.start(); TestNode dorf = TestNode.start()) {
            var musterstadt = stadt.create(Fixtures.musterstadt());
            var beispieldorf = dorf.create(Fixtures.beispieldorf());
            dorf.node().services().follows.follow(beispieldorf, stadt.actorIri("musterstadt"));
            TestNode.awaitQuiet(stadt, dorf);

            HostStore hosts = new HostStore();
            var db = stadt.node().services().db.dsl();
            String dorfHost = dorf.publicUrl().getRawAuthority();
            LocalDate first = LocalDate.of(2026, 3, 1);
            for (int day = 0; day < HostStore.FAILURE_DAYS_THRESHOLD - 1; day++) {
                hosts.recordFailure(db, dorfHost, first.plusDays(day));
                hosts.recordFailure(db, dorfHost, first.plusDays(day)); // a second failure on the same day counts once
            }
            assertFalse(hosts.isUnavailable(db, dorfHost), "six failure days are not enough");
            hosts.recordFailure(db, dorfHost, first.plusDays(HostStore.FAILURE_DAYS_THRESHOLD - 1));
            assertTrue(hosts.isUnavailable(db, dorfHost), "the seventh failure day makes the host unavailable");

            URI skipped = stadt.node().services().notes.publish(musterstadt, "<p>Geht nicht raus</p>");
            TestNode.awaitQuiet(stadt, dorf);
            assertEquals(1, stadt.count("SELECT count(*) FROM delivery WHERE last_error = 'host unavailable'"));
            assertEquals(0, dorf.count("SELECT count(*) FROM ap_object WHERE iri = '" + skipped + "'"), "nothing is sent to a host that is down");

            // The host shows signs of life: any signed activity from it (here a repeated Follow) revives it.
            dorf.node().services().follows.follow(beispieldorf, stadt.actorIri("musterstadt"));
            TestNode.awaitQuiet(stadt, dorf);
            assertFalse(hosts.isUnavailable(db, dorfHost));
            assertEquals(0, stadt.count("SELECT cardinality(failure_days) FROM host_status WHERE host = '" + dorfHost + "'"));
            URI delivered = stadt.node().services().notes.publish(musterstadt, "<p>Wieder da</p>");
            TestNode.awaitQuiet(stadt, dorf);
            assertEquals(1, dorf.count("SELECT count(*) FROM ap_object WHERE iri = '" + delivered + "'"));
            assertEquals(0, stadt.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL"), "the repeated Follow was applied");

            // A success also resets the count, and the host needs seven new failure days to be skipped again.
            hosts.recordFailure(db, dorfHost, first);
            hosts.recordSuccess(db, dorfHost);
            hosts.recordFailure(db, dorfHost, first.plusDays(1));
            assertEquals(1, stadt.count("SELECT cardinality(failure_days) FROM host_status WHERE host = '" + dorfHost + "'"));
            assertFalse(hosts.isUnavailable(db, dorfHost));
        }
    }

    /** Delivery rows to one inbox path of the fake peer. */
    private static String rows(FakeInboxes peer, String inboxPath) {
        return " FROM delivery WHERE inbox = '" + peer.host(0) + inboxPath + "'";
    }
}
