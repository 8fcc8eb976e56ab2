package de.allmende.service.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.json.ActivityJson;
import de.allmende.testkit.FakeInboxes;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Domain events are written in the transaction of their change, and their consumers (here the fan-out)
 * run off the request path from durable jobs that several processes share.
 */
@DisplayName("Domain events")
class DomainEventsTest {

    @Test
    @DisplayName("exist exactly when their change does: a rolled-back change leaves no event")
    void aRolledBackChangeLeavesNoEvent() {
        try (TestNode node = TestNode.start()) {
            LocalActor musterstadt = node.create(Fixtures.musterstadt());
            var services = node.node().services();
            long before = node.count("SELECT count(*) FROM domain_event");

            assertThrows(IllegalStateException.class, () -> services.db.dsl().transaction(cfg -> {
                services.federation.outbox.create(cfg.dsl(), musterstadt, note(node, musterstadt, "<p>Entwurf</p>"));
                // the adapter records that it published; the post's own event is its use case's (NoteService, below)
                assertEquals(before + 1, cfg.dsl().fetchCount(cfg.dsl().selectFrom("domain_event")), "recorded inside the transaction");
                throw new IllegalStateException("the change is abandoned");
            }));
            assertEquals(before, node.count("SELECT count(*) FROM domain_event"), "no event of the abandoned change");
            assertEquals(0, node.count("SELECT count(*) FROM event_job"), "no job either");
            assertEquals(0, node.count("SELECT count(*) FROM ap_object"), "nor the change itself");

            URI note = services.notes.publish(musterstadt, "<p>Gemeinderat tagt</p>");
            assertEquals(List.of("post_created", "activity_published"), services.db.dsl()
                    .fetch("SELECT kind FROM domain_event WHERE id > ? ORDER BY id", before).getValues(0, String.class));
            assertEquals(note.toString(), services.db.dsl().fetchValue(
                    "SELECT subject FROM domain_event WHERE kind = 'post_created' AND id > ?", before));
            assertEquals(1, node.count("SELECT count(*) FROM event_job WHERE consumer = 'fan-out'"), "one job, for the fan-out");
        }
    }

    /**
     * Two processes of one node share the database and both run the event consumers: every fan-out job is
     * claimed once (one attempt), and every follower gets every post exactly once.
     */
    @Test
    @DisplayName("are consumed exactly once across two node processes on one database")
    void consumedExactlyOnceAcrossTwoProcesses() {
        int followers = 60;
        int posts = 20;
        int port = TestNode.freePort();
        try (FakeInboxes inboxes = FakeInboxes.start(3, Duration.ofMillis(5), FakeInboxes.always(202));
             TestNode first = TestNode.start("http://127.0.0.1:" + port, port, java.util.Map.of());
             TestNode second = first.sibling(java.util.Map.of())) {
            LocalActor musterstadt = first.create(Fixtures.musterstadt());
            List<String> paths = inboxes.addFollowers(first.database(), first.actorIri("musterstadt"), "nachbar", followers);

            List<String> creates = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                TestNode publisher = i % 2 == 0 ? first : second;
                URI note = publisher.node().services().notes.publish(musterstadt, "<p>Mitteilung " + i + "</p>");
                creates.add(createOf(first, note));
            }
            TestNode.await("fan-out and deliveries done", Duration.ofSeconds(60), () -> first.count(TestNode.PENDING_OUTBOUND) == 0);

            assertEquals(posts, first.count("SELECT count(*) FROM event_job WHERE consumer = 'fan-out' AND done IS NOT NULL AND attempts = 1"),
                    "every fan-out job claimed once and done");
            assertEquals((long) posts * followers, first.count("SELECT count(*) FROM delivery"), "one delivery row per post and follower");
            for (String create : creates) {
                var received = inboxes.received(create);
                for (String path : paths) assertEquals(1L, received.get(path), create + " to " + path);
            }
        }
    }

    /** The use cases record what happened on both sides: the local action, and the same fact where it arrives. */
    @Test
    @DisplayName("record follows and likes on the node that acts and on the node that receives them")
    void followsAndLikesAreRecordedOnBothSides() {
        int pa = TestNode.freePort(), pb = TestNode.freePort();
        try (TestNode a = TestNode.start("http://127.0.0.1:" + pa, pa, java.util.Map.of());
             TestNode b = TestNode.start("http://127.0.0.1:" + pb, pb, java.util.Map.of())) {
            LocalActor musterstadt = a.create(Fixtures.musterstadt());
            LocalActor beispieldorf = b.create(Fixtures.beispieldorf());
            var servicesA = a.node().services();
            servicesA.follows.follow(musterstadt, b.actorIri("beispieldorf"));
            TestNode.await("follow accepted", () -> a.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
            URI note = b.node().services().notes.publish(beispieldorf, "<p>Hallo Musterstadt</p>");
            TestNode.await("note arrives", () -> a.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'") == 1);
            servicesA.likes.like(musterstadt, note);
            // (the inbox applies activities in parallel: an Undo arriving with its Like may be applied first)
            TestNode.await("like arrives", () -> b.count("SELECT count(*) FROM reaction WHERE kind = 'like'") == 1);
            servicesA.likes.undo(musterstadt, note);
            TestNode.awaitQuiet(a, b);

            String follower = a.actorIri("musterstadt").toString();
            assertEquals(List.of("follow_requested " + follower, "followed " + follower, "liked " + follower, "unliked " + follower),
                    facts(a), "on the node that acts");
            assertEquals(List.of("followed " + follower, "liked " + follower, "unliked " + follower), facts(b), "on the node that receives");
            assertEquals(note.toString(), b.node().services().db.dsl().fetchValue("SELECT subject FROM domain_event WHERE kind = 'liked'"));
        }
    }

    @Test
    @DisplayName("record the node's blocks, by the instance actor")
    void blocksAreRecorded() {
        try (TestNode node = TestNode.start()) {
            var moderation = node.node().services().moderation;
            moderation.blockDomain("spam.example");
            moderation.blockActor("https://troll.example/users/troll");
            assertEquals(List.of("DOMAIN https://spam.example", "ACTOR https://troll.example/users/troll"), node.node().services().db.dsl()
                    .fetch("SELECT payload->>'scope' || ' ' || subject FROM domain_event WHERE kind = 'blocked' ORDER BY id")
                    .getValues(0, String.class));
            assertEquals(node.node().services().iris.instanceActor().toString(),
                    node.node().services().db.dsl().fetchValue("SELECT DISTINCT actor FROM domain_event WHERE kind = 'blocked'"));
        }
    }

    /** Events other than the bookkeeping of publishing, as "kind actor". */
    private static List<String> facts(TestNode node) {
        // the facts of follows and likes; not what publishing and notifying record besides them
        return node.node().services().db.dsl().fetch("SELECT kind || ' ' || actor FROM domain_event"
                + " WHERE kind NOT IN ('activity_published', 'post_created', 'notification_created') ORDER BY id").getValues(0, String.class);
    }

    static String createOf(TestNode node, URI note) {
        return String.valueOf(node.node().services().db.dsl()
                .fetchValue("SELECT iri FROM activity WHERE type = 'Create' AND object_iri = ?", note.toString()));
    }

    static ObjectNode note(TestNode node, LocalActor a, String html) {
        var iris = node.node().services().iris;
        URI id = iris.object(UUID.randomUUID().toString());
        return ActivityJson.note(id, iris.actor(a.handle()), iris.followers(a.handle()), html, Instant.now(), id);
    }
}
