package de.allmende.federation;

import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.FollowerRows;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.StallingPeers;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, finding 2: anyone can follow a municipality. 256 followers whose inboxes answer with headers and
 * then stall must not keep a post from the healthy followers — neither the first post (when nobody knows yet
 * that they stall) nor the next one.
 */
@DisplayName("Hostile followers whose inboxes stall")
class HostileFollowersTest {
    private static final int ATTACKERS = 256;
    private static final int HEALTHY = 20;

    @Test
    @DisplayName("do not keep posts from the healthy followers")
    void healthyFollowersStillGetEveryPost() {
        try (TestNode node = TestNode.start();
             StallingPeers attackers = StallingPeers.start(ATTACKERS);
             FakeInboxes healthy = FakeInboxes.start(4, Duration.ZERO, FakeInboxes.always(202))) {
            var musterstadt = node.create(Fixtures.musterstadt());
            URI followee = node.actorIri("musterstadt");
            List<String> inboxes = healthy.addFollowers(node.database(), followee, "buerger", HEALTHY);
            String before = DeliveryCrashTest.createOf(node.node().services(),
                    node.node().services().notes.publish(musterstadt, "<p>Willkommen</p>"));
            TestNode.await("the healthy followers got the post before the attack", () -> healthy.received(before).size() == HEALTHY);
            FollowerRows.insert(node.database(), followee, attackers.actors("mallory"));

            for (String text : List.of("<p>Bürgerversammlung am Donnerstag</p>", "<p>Protokoll ist online</p>")) {
                long start = System.nanoTime();
                URI note = node.node().services().notes.publish(musterstadt, text);
                String create = DeliveryCrashTest.createOf(node.node().services(), note);
                TestNode.await("every healthy follower has " + text, Duration.ofSeconds(5),
                        () -> healthy.received(create).keySet().containsAll(inboxes));
                System.out.printf("hostile followers: %s reached %d healthy followers in %d ms beside %d stalling ones%n",
                        text, HEALTHY, Duration.ofNanos(System.nanoTime() - start).toMillis(), ATTACKERS);
            }
            assertTrue(attackers.requests() > 0, "the attackers were never even tried");
        }
    }
}
