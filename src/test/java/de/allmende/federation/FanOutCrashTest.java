package de.allmende.federation;

import de.allmende.Node;
import de.allmende.Services;
import de.allmende.config.ConfigLoader;
import de.allmende.config.DatabaseSettings;
import de.allmende.domain.Scope;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestDatabase;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff API answers once the post, its activity and the "published" event are committed; the follower
 * deliveries come after, from the fan-out consumer. A node killed (SIGKILL) after that commit and before its
 * fan-out is written leaves the job leased; the node started again takes it over when the lease ends, and
 * every follower still gets the post.
 */
@DisplayName("A node killed between the commit and the fan-out")
class FanOutCrashTest {
    private static final int FOLLOWERS = 300;

    @Test
    void stillDeliversToEveryFollowerAfterRestart() throws Exception {
        DatabaseSettings db = TestDatabase.fresh();
        Path data = Files.createTempDirectory("allmende-fanout-crash");
        int port = TestNode.freePort();
        Map<String, String> env = DeliveryCrashTest.crashEnv(db, data, port); // lease 3 s: the dead node's job is taken over then

        try (FakeInboxes followers = FakeInboxes.start(4, Duration.ZERO, FakeInboxes.always(202));
             Services here = Services.open(TestNode.config("http://127.0.0.1:" + port, port, data, db, Map.of()))) {
            here.actors.createMunicipality(Fixtures.musterstadt());
            List<String> inboxes = followers.addFollowers(db, here.iris.actor("musterstadt"), "buerger", FOLLOWERS);
            String token = here.tokens.issue("musterstadt", Set.of(Scope.WRITE_CONTENT), "crash test").secret();

            Process node = NodeProcess.serve(env, data.resolve("serve-1.log"));
            String create;
            // Held delivery inserts wait for this lock: the node's fan-out begins and cannot commit before the kill.
            try (Connection lock = here.db.dataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement st = lock.createStatement()) {
                    st.execute("LOCK TABLE delivery IN EXCLUSIVE MODE");
                }
                try {
                    var created = TestNode.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + StaffClient.BASE + "/projects"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofString(ContentFixtures.offenerHaushalt().toString())).build());
                    assertEquals(201, created.statusCode(), created.body());
                    String object = StaffClient.json(created).get("iri").asText();
                    create = DeliveryCrashTest.createOf(here, URI.create(object));
                    TestNode.await("the node claimed the fan-out", () -> DeliveryCrashTest.count(here,
                            "SELECT count(*) FROM event_job WHERE consumer = 'fan-out' AND lease_until IS NOT NULL AND done IS NULL") == 1);
                } finally {
                    node.destroyForcibly();
                    assertTrue(node.waitFor(30, TimeUnit.SECONDS));
                    lock.rollback();
                }
            }
            assertEquals(0, DeliveryCrashTest.count(here, "SELECT count(*) FROM delivery"), "nothing was fanned out before the kill");
            assertEquals(0, followers.posts().size());

            try (Node again = Node.start(ConfigLoader.load(env))) {
                TestNode.await("fan-out taken over and every delivery done", Duration.ofSeconds(30),
                        () -> DeliveryCrashTest.count(here, TestNode.PENDING_OUTBOUND) == 0);
            }
            Map<String, Long> received = followers.received(create);
            for (String inbox : inboxes) assertEquals(1L, received.getOrDefault(inbox, 0L), inbox + " got the post once");
            assertEquals(2, DeliveryCrashTest.count(here, "SELECT attempts FROM event_job WHERE consumer = 'fan-out'"),
                    "claimed by the dead node, then by the new one");
        }
    }
}
