package de.allmende.federation;

import de.allmende.Node;
import de.allmende.Services;
import de.allmende.config.ConfigLoader;
import de.allmende.config.DatabaseSettings;
import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestDatabase;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sending node is killed (SIGKILL, no drain) in the middle of a fan-out to 200 followers and
 * started again on the same database: every follower still gets the post (at least once), and no
 * delivery that was recorded as done before the crash is sent again.
 */
@DisplayName("A node killed mid fan-out")
class DeliveryCrashTest {
    private static final int FOLLOWERS = 200;

    @Test
    void finishesEveryDeliveryAfterRestartAndResendsOnlyWhatWasInFlight() throws Exception {
        DatabaseSettings db = TestDatabase.fresh();
        Path data = Files.createTempDirectory("allmende-crash");
        int port = TestNode.freePort();
        Map<String, String> env = crashEnv(db, data, port);

        // Two follower hosts that answer after 150 ms: with 8 requests per host at a time the fan-out
        // takes about two seconds, long enough to kill the node in the middle of it.
        try (FakeInboxes followers = FakeInboxes.start(2, Duration.ofMillis(150), FakeInboxes.always(202));
             // This JVM only writes to the queue and looks at rows; the node process does the sending.
             Services here = Services.open(TestNode.config("http://127.0.0.1:" + port, port, data, db, Map.of()))) {
            var musterstadt = here.actors.createMunicipality(Fixtures.musterstadt());
            List<String> inboxes = followers.addFollowers(db, here.iris.actor("musterstadt"), "buerger", FOLLOWERS);

            Process node = NodeProcess.serve(env, data.resolve("serve-1.log"));
            String create;
            try {
                URI note = here.notes.publish(musterstadt, "<p>Bürgerversammlung am Donnerstag</p>");
                create = createOf(here, note);
                TestNode.await("fan-out under way", () -> followers.received(create).size() >= 40);
            } finally {
                node.destroyForcibly();
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
            Thread.sleep(300); // requests already on the wire still reach the followers
            Set<String> receivedBeforeCrash = Set.copyOf(followers.received(create).keySet());
            long deliveredBeforeCrash = count(here, "SELECT count(*) FROM delivery WHERE delivered IS NOT NULL");
            long leasedAtCrash = count(here, "SELECT count(*) FROM delivery WHERE delivered IS NULL AND lease_until IS NOT NULL");
            Set<String> doneBeforeCrash = Set.copyOf(here.db.dsl().fetch("SELECT inbox FROM delivery WHERE delivered IS NOT NULL")
                    .getValues(0, String.class).stream().map(i -> URI.create(i).getRawPath()).toList());
            assertTrue(deliveredBeforeCrash < FOLLOWERS, "the crash came mid fan-out, after " + deliveredBeforeCrash);

            // The restart may run in this JVM (it starts in a fraction of the time): what matters is the
            // same database and data folder.
            try (Node again = Node.start(ConfigLoader.load(env))) {
                TestNode.await("every delivery done after restart", Duration.ofSeconds(30),
                        () -> count(here, TestNode.PENDING_OUTBOUND) == 0);
            }

            Map<String, Long> received = followers.received(create);
            for (String inbox : inboxes) assertTrue(received.getOrDefault(inbox, 0L) >= 1, inbox + " never got the post");
            for (String inbox : doneBeforeCrash) assertEquals(1, received.get(inbox), inbox + " was done before the crash");
            long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("crash test: %d delivered before the crash, %d more received but not recorded, %d leased, %d duplicates%n",
                    deliveredBeforeCrash, receivedBeforeCrash.size() - doneBeforeCrash.size(), leasedAtCrash, duplicates);
            // Only requests on the wire at the crash may arrive twice: at most 8 per host at a time.
            assertTrue(duplicates <= 2 * 8, duplicates + " duplicates: more than were in flight at the crash");
            assertEquals(FOLLOWERS, count(here, "SELECT count(*) FROM delivery WHERE delivered IS NOT NULL AND failed IS NULL"));
        }
    }

    /**
     * Issue 8, finding 12: at-least-once stays, duplicates become rare. A fan-out to 1,000 inboxes on 250 hosts
     * that answer in 20 ms is killed mid-way; only requests on the wire at that instant (sent, answer not yet
     * recorded) may arrive twice. Before the outcomes were group-committed, about half of such a fan-out did.
     */
    @Test
    void fewDuplicatesAfterAKillAcrossManyHosts() throws Exception {
        int followers = 1000;
        DatabaseSettings db = TestDatabase.fresh();
        Path data = Files.createTempDirectory("allmende-crash");
        int port = TestNode.freePort();
        Map<String, String> env = crashEnv(db, data, port);
        try (FakeInboxes peers = FakeInboxes.start(250, Duration.ofMillis(20), FakeInboxes.always(202));
             Services here = Services.open(TestNode.config("http://127.0.0.1:" + port, port, data, db, Map.of()))) {
            var musterstadt = here.actors.createMunicipality(Fixtures.musterstadt());
            List<String> inboxes = peers.addFollowers(db, here.iris.actor("musterstadt"), "buerger", followers);
            Process node = NodeProcess.serve(env, data.resolve("serve-1.log"));
            String create;
            try {
                URI note = here.notes.publish(musterstadt, "<p>Haushaltsentwurf liegt aus</p>");
                create = createOf(here, note);
                TestNode.await("fan-out under way", () -> peers.received(create).size() >= 300);
            } finally {
                node.destroyForcibly();
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
            try (Node again = Node.start(ConfigLoader.load(env))) {
                TestNode.await("every delivery done after restart", Duration.ofSeconds(60),
                        () -> count(here, TestNode.PENDING_OUTBOUND) == 0);
            }
            Map<String, Long> received = peers.received(create);
            for (String inbox : inboxes) assertTrue(received.getOrDefault(inbox, 0L) >= 1, inbox + " never got the post");
            long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("crash test, 250 hosts: %d duplicates per %d deliveries%n", duplicates, followers);
            // At most the 64 young sends plus those waiting longer were on the wire; on a quiet machine 35-56.
            assertTrue(duplicates <= followers * 15 / 100, duplicates + " duplicates per " + followers);
        }
    }

    static Map<String, String> crashEnv(DatabaseSettings db, Path data, int port) {
        Map<String, String> env = new HashMap<>(NodeProcess.env(data, port));
        env.put(ConfigLoader.DATABASE_URL, db.jdbcUrl());
        env.put(ConfigLoader.DATABASE_USER, db.user());
        env.put(ConfigLoader.ALLOW_PRIVATE_NETWORKS, "true");
        env.put(ConfigLoader.RETRY_SCALE, "0.01");
        env.put(ConfigLoader.DELIVERY_LEASE_SECONDS, "3"); // rows the dead process had claimed are due 3 s later
        return env;
    }

    static String createOf(Services s, URI note) {
        return s.db.dsl().fetchValue("SELECT iri FROM activity WHERE type = 'Create' AND object_iri = ?", note.toString()).toString();
    }

    static long count(Services s, String sql) {
        return ((Number) s.db.dsl().fetchValue(sql)).longValue();
    }
}
