package de.allmende.federation;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.delivery.DeliveryWorker;
import de.allmende.federation.http.Limits;
import de.allmende.Services;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real nodes, one municipality each: Musterstadt (A) and Beispieldorf (B) follow Auental (C),
 * and Auental follows Musterstadt (so it sees Musterstadt's boosts). Every step waits until all queues
 * are drained and then counts rows, so "arrives" always means "arrives exactly once".
 */
@DisplayName("Three nodes federating")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeFederationTest {
    private static final String JSON = "application/activity+json";

    private TestNode a, b, c;
    private URI musterstadt, beispieldorf, auental;

    @BeforeAll
    void threeMunicipalitiesFollowEachOther() {
        a = TestNode.start();
        b = TestNode.start();
        c = TestNode.start();
        a.create(Fixtures.musterstadt());
        b.create(Fixtures.beispieldorf());
        c.create(Fixtures.auental());
        musterstadt = a.actorIri("musterstadt");
        beispieldorf = b.actorIri("beispieldorf");
        auental = c.actorIri("auental");
        services(a).follows.follow(a.actor("musterstadt"), auental);
        services(b).follows.follow(b.actor("beispieldorf"), auental);
        services(c).follows.follow(c.actor("auental"), musterstadt);
        TestNode.awaitQuiet(a, b, c);
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{a, b, c}) if (n != null) n.close();
    }

    @Test
    @Order(1)
    void followsAreAcceptedAndShowInTheCollectionsOfBothSides() {
        for (TestNode n : List.of(a, b, c)) {
            assertEquals(0, n.count("SELECT count(*) FROM follow WHERE state <> 'accepted'"), "no follow left pending");
        }
        assertEquals(List.of(musterstadt.toString(), beispieldorf.toString()).stream().sorted().toList(),
                collection(c, "/actors/auental/followers", 2));
        assertEquals(List.of(musterstadt.toString()), collection(c, "/actors/auental/following", 1));
        assertEquals(List.of(auental.toString()), collection(a, "/actors/musterstadt/followers", 1));
        assertEquals(List.of(auental.toString()), collection(a, "/actors/musterstadt/following", 1));
        assertEquals(List.of(auental.toString()), collection(b, "/actors/beispieldorf/following", 1));
        assertEquals(List.of(), collection(b, "/actors/beispieldorf/followers", 0));
    }

    @Test
    @Order(2)
    void aNoteLivesItsWholeLifeOnEveryFollower() {
        URI note = services(c).notes.publish(c.actor("auental"), "<p>Sperrmüll am Montag</p>");
        TestNode.awaitQuiet(a, b, c);
        for (TestNode follower : List.of(a, b)) {
            assertEquals(1, follower.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'"));
            assertEquals(1, follower.count("SELECT count(*) FROM activity WHERE type = 'Create' AND object_iri = '" + note + "'"));
        }

        services(c).notes.edit(c.actor("auental"), note, "<p>Sperrmüll erst am Dienstag</p>");
        TestNode.awaitQuiet(a, b, c);
        for (TestNode follower : List.of(a, b)) {
            assertEquals(1, follower.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "' AND updated IS NOT NULL"
                    + " AND raw->>'content' = '<p>Sperrmüll erst am Dienstag</p>'"));
            assertEquals(1, follower.count("SELECT count(*) FROM activity WHERE type = 'Update' AND object_iri = '" + note + "'"));
        }

        URI like = services(a).likes.like(a.actor("musterstadt"), note);
        assertEquals(like, services(a).likes.like(a.actor("musterstadt"), note), "liking twice is one Like");
        services(b).boosts.boost(b.actor("beispieldorf"), note);
        TestNode.awaitQuiet(a, b, c);
        assertEquals(1, c.count(reactions("like", musterstadt, note)));
        assertEquals(1, c.count(reactions("announce", beispieldorf, note)));
        assertEquals(1, c.count("SELECT count(*) FROM activity WHERE type = 'Like'"));

        services(a).likes.undo(a.actor("musterstadt"), note);
        TestNode.awaitQuiet(a, b, c);
        assertEquals(1, a.count("SELECT count(*) FROM activity WHERE type = 'Undo' AND raw->'object'->>'type' = 'Like'"
                + " AND raw->'object'->>'id' = '" + like + "' AND raw->'object'->>'object' = '" + note + "'"), "Undo embeds the Like");
        assertEquals(0, c.count(reactions("like", musterstadt, note)), "the Undo names the Like by its id");
        assertEquals(0, a.count(reactions("like", musterstadt, note)));
        assertEquals(1, c.count(reactions("announce", beispieldorf, note)), "the boost stays");
        assertTrue(b.get("/actors/beispieldorf/outbox?page=true", JSON).body().contains(note.toString()));

        services(b).boosts.undo(b.actor("beispieldorf"), note);
        TestNode.awaitQuiet(a, b, c);
        assertEquals(0, c.count(reactions("announce", beispieldorf, note)));
        assertFalse(b.get("/actors/beispieldorf/outbox?page=true", JSON).body().contains(note.toString()), "an undone boost leaves the outbox");

        services(c).notes.delete(c.actor("auental"), note);
        TestNode.awaitQuiet(a, b, c);
        for (TestNode follower : List.of(a, b)) {
            assertEquals(1, follower.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "' AND deleted IS NOT NULL"));
        }
        assertEquals(410, c.get(note.getRawPath(), JSON).statusCode());
        // Deleted words must not stay readable through the activities that carried them.
        assertFalse(c.get("/actors/auental/outbox?page=true", JSON).body().contains("Sperrmüll"), "outbox drops the Create");
        for (String type : List.of("Create", "Update")) {
            String activity = c.node().services().db.dsl().fetchValue("SELECT iri FROM activity WHERE type = ? AND object_iri = ?",
                    type, note.toString()).toString();
            assertEquals(410, c.get(URI.create(activity).getRawPath(), JSON).statusCode(), type);
        }
        assertNoFailures();
    }

    @Test
    @Order(3)
    void redeliveringTheSameActivityChangesNothing() throws Exception {
        URI note = services(c).notes.publish(c.actor("auental"), "<p>Wahltermin</p>");
        TestNode.awaitQuiet(a, b, c);
        String attempts = "SELECT sum(attempts) FROM delivery WHERE activity_id = (SELECT id FROM activity WHERE type = 'Create'"
                + " AND object_iri = '" + note + "')";
        long attemptsBefore = c.count(attempts);
        // The sender's worker sends the Create again, as after a crash between POST and bookkeeping.
        c.node().services().db.dsl().execute("UPDATE delivery SET delivered = NULL, next_attempt = now()"
                + " WHERE activity_id = (SELECT id FROM activity WHERE type = 'Create' AND object_iri = ?)", note.toString());
        c.node().services().db.dsl().execute("SELECT pg_notify('allmende_delivery', '')");
        TestNode.awaitQuiet(a, b, c);
        assertEquals(attemptsBefore + 2, c.count(attempts), "both inboxes got the Create once more");

        // A fresh activity POSTed twice with the same signed body: the second answer says duplicate.
        URI manual = URI.create(c.url() + "/objects/handmade-1");
        JsonNode create = GoldenJson.JSON.readTree("""
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%s/activities/handmade-1","type":"Create",
                 "actor":"%s","to":["https://www.w3.org/ns/activitystreams#Public"],
                 "object":{"id":"%s","type":"Note","attributedTo":"%s","content":"<p>Einmal</p>",
                           "to":["https://www.w3.org/ns/activitystreams#Public"]}}""".formatted(c.url(), auental, manual, auental));
        byte[] body = create.toString().getBytes(StandardCharsets.UTF_8);
        URI inbox = URI.create(a.url() + "/actors/musterstadt/inbox");
        var headers = new HashMap<>(c.node().services().federation.signer.signPost(c.actor("auental").id(), auental, inbox, body,
                DeliveryWorker.CONTENT_TYPE));
        headers.put("Content-Type", DeliveryWorker.CONTENT_TYPE);
        var http = c.node().services().federation.http;
        var first = http.post(inbox, body, headers, Limits.DELIVERY);
        var second = http.post(inbox, body, headers, Limits.DELIVERY);
        assertEquals(202, first.status());
        assertEquals(202, second.status());
        assertEquals("{}", new String(first.body(), StandardCharsets.UTF_8));
        assertEquals("{\"duplicate\":true}", new String(second.body(), StandardCharsets.UTF_8));
        TestNode.awaitQuiet(a, b, c);

        for (TestNode follower : List.of(a, b)) {
            assertEquals(1, follower.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'"));
            assertEquals(1, follower.count("SELECT count(*) FROM activity WHERE object_iri = '" + note + "'"));
        }
        assertEquals(1, a.count("SELECT count(*) FROM ap_object WHERE iri = '" + manual + "'"));
        assertEquals(1, a.count("SELECT count(*) FROM inbox_item WHERE activity_iri = '" + create.get("id").asText() + "'"));
        assertNoFailures();
    }

    @Test
    @Order(4)
    void aBoostedNoteReachesAThirdNodeWithItsAuthorsProofVerified() {
        // Nobody follows Beispieldorf: Auental gets its note only through Musterstadt's boost, fetches it
        // from Beispieldorf's node and checks the note's own proof against Beispieldorf's key.
        URI note = services(b).notes.publish(b.actor("beispieldorf"), "<p>Kirmes im Oktober</p>");
        services(a).boosts.boost(a.actor("musterstadt"), note);
        TestNode.awaitQuiet(a, b, c);

        assertEquals(1, c.count(reactions("announce", musterstadt, note)));
        assertEquals(0, c.count("SELECT count(*) FROM activity WHERE type = 'Create' AND object_iri = '" + note + "'"), "no Create reached C");
        var stored = c.node().services().db.dsl().transactionResult(cfg -> new ObjectStore().find(cfg.dsl(), note.toString())).orElseThrow();
        assertEquals(beispieldorf.toString(), stored.attributedTo());
        assertEquals("<p>Kirmes im Oktober</p>", stored.raw().path("content").asText());
        assertEquals(Optional.of(ObjectProof.verified(beispieldorf + "#ed25519-key")), stored.proof(), "verified with the author's key");
        assertNoFailures();
    }

    @Test
    @Order(5)
    void unfollowRemovesTheFollowOnBothSides() {
        services(a).follows.unfollow(a.actor("musterstadt"), auental);
        services(c).follows.unfollow(c.actor("auental"), musterstadt);
        TestNode.awaitQuiet(a, b, c);
        assertEquals(0, a.count("SELECT count(*) FROM follow"));
        assertEquals(Set.of(beispieldorf.toString()), Set.copyOf(collection(c, "/actors/auental/followers", 1)));
        assertEquals(List.of(), collection(c, "/actors/auental/following", 0));
        assertEquals(1, b.count("SELECT count(*) FROM follow WHERE state = 'accepted'"), "Beispieldorf still follows");

        // Only the remaining follower gets the next post.
        URI note = services(c).notes.publish(c.actor("auental"), "<p>Nur noch für Beispieldorf</p>");
        TestNode.awaitQuiet(a, b, c);
        assertEquals(1, b.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'"));
        assertEquals(0, a.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'"));
        assertNoFailures();
    }

    private void assertNoFailures() {
        for (TestNode n : List.of(a, b, c)) {
            assertEquals(0, n.count("SELECT count(*) FROM delivery WHERE delivered IS NULL"), "every delivery delivered");
            assertEquals(0, n.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL"), "every inbound activity applied");
        }
    }

    /** The collection's totalItems, and the IRIs on its first page (sorted). */
    private static List<String> collection(TestNode node, String path, int expectedTotal) {
        try {
            var top = GoldenJson.JSON.readTree(node.get(path, JSON).body());
            assertEquals("OrderedCollection", top.get("type").asText());
            assertEquals(expectedTotal, top.get("totalItems").asInt(), path);
            var page = GoldenJson.JSON.readTree(node.get(path + "?page=true", JSON).body());
            assertTrue(page.get("orderedItems").isArray(), path);
            return StreamSupport.stream(page.get("orderedItems").spliterator(), false).map(JsonNode::asText).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String reactions(String kind, URI actor, URI object) {
        return "SELECT count(*) FROM reaction WHERE kind = '" + kind + "' AND actor = '" + actor + "' AND object_iri = '" + object + "'";
    }

    private static Services services(TestNode node) {
        return node.node().services();
    }
}
