package de.allmende.federation.inbox;

import de.allmende.config.ConfigLoader;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.FakeRemote.Response;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of valid activities cannot grow the inbox queue without bound: beyond the backlog limit the inbox
 * answers 503 with Retry-After before verifying or storing anything, and accepts again once the workers caught up.
 */
@DisplayName("inbox: 503 with Retry-After while too many accepted activities wait to be applied")
class InboxBacklogTest {

    @Test
    void refusesWhileBehindAndAcceptsOnceCaughtUp() {
        try (TestNode node = TestNode.start(Map.of(ConfigLoader.INBOX_MAX_BACKLOG, "3"));
             FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            Actor alice = remote.actor("alice");
            // Three accepted activities the workers will not reach for an hour: the backlog is at its limit.
            node.execute("INSERT INTO inbox_item (activity_iri, signer, body, next_attempt) SELECT 'https://elsewhere.example/a/' || i,"
                    + " 'https://elsewhere.example/u', '{}'::jsonb, now() + interval '1 hour' FROM generate_series(1, 3) i");
            long itemsBefore = node.count("SELECT count(*) FROM inbox_item");

            TestNode.await("the backlog is counted", Duration.ofSeconds(5), () -> post(node, remote, alice).status() == 503);
            Response refused = post(node, remote, alice);
            assertEquals(503, refused.status(), refused::toString);
            assertTrue(refused.error().contains("try again later"), refused::toString); // 503: we are behind, not down
            HostileInbox.assertNoStackTrace(refused);
            assertEquals("60", refused.headers().get("retry-after").getFirst(), refused::toString);
            assertEquals(itemsBefore, node.count("SELECT count(*) FROM inbox_item"), "nothing stored");
            assertEquals(0, remote.fetches("/users/alice"), "nothing verified: the signer's key was not even fetched");

            node.execute("UPDATE inbox_item SET processed = now() WHERE activity_iri LIKE 'https://elsewhere.example/%'");
            TestNode.await("caught up", Duration.ofSeconds(5), () -> post(node, remote, alice).status() == 202);
        }
    }

    private static Response post(TestNode node, FakeRemote remote, Actor alice) {
        return remote.post(HostileInbox.sharedInbox(node), remote.createNote(alice, "one of many")).send();
    }
}
