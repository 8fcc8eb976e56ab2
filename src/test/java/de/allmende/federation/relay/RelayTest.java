package de.allmende.federation.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Services;
import de.allmende.domain.ObjectProof;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.InProcessCli;
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
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, point 7 (FEP-ae0c): a node runs a relay; Musterstadt's node (A) subscribes Mastodon-style from the command
 * line, Beispieldorf's node (B) through the service, a Pleroma-like server LitePub-style and a Mastodon-like server
 * Mastodon-style (both fakes that record what reaches them). A server off the allowlist is rejected. What one
 * subscriber publishes reaches the others unchanged, its proof verifying; what is not public, or not from a
 * subscriber, goes nowhere; a forged relayed activity is refused without leaving a row.
 */
@DisplayName("A relay between nodes (FEP-ae0c)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private TestNode relayNode, a, b;
    private FakeRemote pleroma, mastodon, stranger, fakeRelay;
    private URI relay, relayInbox;
    /** Published by Musterstadt after B left the relay: B does not hold it. */
    private URI notHeldByB;

    @BeforeAll
    void start() {
        relayNode = TestNode.start();
        a = TestNode.start();
        b = TestNode.start();
        a.create(Fixtures.musterstadt());
        b.create(Fixtures.beispieldorf());
        pleroma = FakeRemote.start();
        mastodon = FakeRemote.start();
        stranger = FakeRemote.start("localhost"); // another domain than 127.0.0.1, which the allowlist names
        fakeRelay = FakeRemote.start();
        relay = URI.create(relayNode.url() + "/relay");
        relayInbox = URI.create(relay + "/inbox");
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{relayNode, a, b}) if (n != null) n.close();
        for (FakeRemote r : new FakeRemote[]{pleroma, mastodon, stranger, fakeRelay}) if (r != null) r.close();
    }

    @Test
    @Order(1)
    void aNodeRunsARelayThatOnlyAllowedServersSubscribeTo() throws Exception {
        assertEquals(404, relayNode.get("/relay", FakeRemote.ACTIVITY_JSON).statusCode(), "no relay until enabled");
        cli(relayNode, "relay", "enable", "--name", "Relay der Modellkommunen");
        cli(relayNode, "relay", "allow", "127.0.0.1");
        assertEquals("127.0.0.1", cli(relayNode, "relay", "list-allowed").strip());
        JsonNode actor = GoldenJson.JSON.readTree(relayNode.get("/relay", FakeRemote.ACTIVITY_JSON).body());
        assertEquals("Application", actor.get("type").asText());
        assertEquals(relayInbox.toString(), actor.get("inbox").asText());
        assertTrue(actor.path("publicKey").has("publicKeyPem"));
        assertEquals(relay.toString(), GoldenJson.JSON.readTree(relayNode.get("/.well-known/webfinger?resource=acct:relay@"
                + relay.getRawAuthority(), null).body()).at("/links/0/href").asText(), "WebFinger, as FEP-ae0c requires");

        // Mastodon style from the command line (the actor URL), and through the service (the inbox URL, as Mastodon's admins enter it).
        assertTrue(cli(a, "relay", "subscribe", relay.toString()).startsWith("subscription requested: "));
        b.node().services().relays.subscribe(relayInbox);
        // Pending until the relay answers; A's delivery worker may already have had the Accept by now.
        String listed = cli(a, "relay", "list");
        assertTrue(listed.contains("\tpending\t") || listed.contains("\taccepted\t"), listed);
        // LitePub style: a server's relay actor follows the relay actor; Mastodon style from a Mastodon-like server.
        assertEquals("subscribed", outcome(pleroma.post(relayInbox, pleroma.follow(pleroma.actor("relay"), relay)).send()));
        assertEquals("subscribed", outcome(mastodon.post(relayInbox, mastodon.follow(mastodon.actor("instance"), URI.create(PUBLIC))).send()));
        // Not on the allowlist: rejected.
        assertEquals("rejected", outcome(stranger.post(relayInbox, stranger.follow(stranger.actor("relay"), URI.create(PUBLIC))).send()));
        TestNode.awaitQuiet(relayNode, a, b);

        assertEquals(relay + "\t", cli(a, "relay", "list").strip().replaceFirst("^\\S+\taccepted\t", "") + "\t");
        assertEquals(1, b.count("SELECT count(*) FROM relay_subscription WHERE state = 'accepted' AND relay_actor = '" + relay + "'"));
        String subscribers = cli(relayNode, "relay", "subscribers");
        assertEquals(4, subscribers.strip().lines().count(), subscribers);
        assertTrue(subscribers.contains(pleroma.actor("relay").id() + "\tlitepub\t"));
        assertFalse(subscribers.contains("localhost"));
        assertEquals(List.of("Accept", "Follow"), types(pleroma).stream().sorted().toList(), "LitePub: accepted, and followed back");
        assertEquals(List.of("Accept"), types(mastodon));
        assertEquals(List.of("Reject"), types(stranger));
    }

    @Test
    @Order(2)
    void aPublicPostReachesEveryOtherSubscriberUnchangedWithItsProofVerifying() throws Exception {
        URI note = services(a).notes.publish(a.actor("musterstadt"), "<p>Bürgerhaushalt 2027: Vorschläge bis März</p>");
        TestNode.awaitQuiet(relayNode, a, b);
        await(mastodon, 2);

        var stored = services(b).db.dsl().transactionResult(cfg -> new ObjectStore().find(cfg.dsl(), note.toString())).orElseThrow();
        assertEquals("<p>Bürgerhaushalt 2027: Vorschläge bis März</p>", stored.raw().path("content").asText());
        assertEquals(Optional.of(ObjectProof.verified(a.actorIri("musterstadt") + "#ed25519-key")), stored.proof(), "the author's proof verifies");
        String create = services(a).db.dsl().fetchValue("SELECT iri FROM activity WHERE type = 'Create' AND object_iri = ?", note.toString()).toString();
        assertEquals(1, b.count("SELECT count(*) FROM inbox_item WHERE activity_iri = '" + create + "' AND signer = '" + relay + "'"),
                "B got it from the relay, signed by the relay");

        // Byte for byte what Musterstadt's node sent to the relay: its delivery body is the stored activity as JSON.
        String sent = services(a).db.dsl().transactionResult(cfg -> new ActivityStore().find(cfg.dsl(), create)).orElseThrow().raw().toString();
        FakeRemote.Received forwarded = lastPost(mastodon);
        assertEquals(sent, new String(forwarded.body(), StandardCharsets.UTF_8));
        assertTrue(String.join(",", forwarded.headers().getOrDefault("Signature", List.of(""))).contains(relay + "#")
                || forwarded.hasHeader("Signature-Input"), "signed by the relay");
        // LitePub: an Announce of the note by the relay.
        await(pleroma, 3);
        JsonNode announce = GoldenJson.JSON.readTree(lastPost(pleroma).body());
        assertEquals("Announce", announce.get("type").asText());
        assertEquals(relay.toString(), announce.get("actor").asText());
        assertEquals(note.toString(), announce.get("object").asText());
        // Never back to where it came from.
        assertEquals(0, relayNode.count("SELECT count(*) FROM delivery WHERE inbox LIKE '" + a.url() + "%' AND activity_id ="
                + " (SELECT id FROM activity WHERE actor = '" + a.actorIri("musterstadt") + "' AND type = 'Create')"));
        assertNoFailures();
    }

    @Test
    @Order(3)
    void whatIsNotPublicOrNotFromASubscriberIsNeverForwarded() {
        FakeRemote.Actor instance = mastodon.actor("instance");
        ObjectNode note = mastodon.note(instance, "<p>Nur für Follower</p>");
        note.putArray("to").add(instance.id() + "/followers");
        note.remove("cc");
        long forwardsBefore = relayNode.count("SELECT count(*) FROM delivery");
        assertEquals("not_public", outcome(mastodon.post(relayInbox, mastodon.create(instance, note)).send()));
        var fromStranger = stranger.post(relayInbox, stranger.createNote(stranger.actor("relay"), "<p>Werbung</p>")).send();
        assertEquals(403, fromStranger.status(), fromStranger.body());
        TestNode.awaitQuiet(relayNode, a, b);
        assertEquals(forwardsBefore, relayNode.count("SELECT count(*) FROM delivery"), "nothing queued");
        assertEquals(0, relayNode.count("SELECT count(*) FROM activity WHERE verbatim LIKE '%Nur für Follower%' OR verbatim LIKE '%Werbung%'"));

        // A subscriber's public post without a proof reaches both nodes, forwarded once however often it is sent; they
        // take it as its origin serves it (the relay's copy alone would not do).
        ObjectNode post = mastodon.note(instance, "<p>Offene Daten im Landkreis</p>");
        mastodon.serve(URI.create(post.get("id").asText()).getRawPath(), post);
        ObjectNode create = mastodon.create(instance, post);
        assertEquals("forwarded", outcome(mastodon.post(relayInbox, create).send()));
        assertEquals("duplicate", outcome(mastodon.post(relayInbox, create).send()));
        TestNode.awaitQuiet(relayNode, a, b);
        assertEquals(2, relayNode.count("SELECT count(*) FROM delivery d JOIN activity x ON x.id = d.activity_id WHERE x.verbatim LIKE"
                + " '%Offene Daten im Landkreis%'"), "to A and B; Pleroma gets an Announce; not back to the sender");
        for (TestNode node : List.of(a, b)) {
            assertEquals(1, node.count("SELECT count(*) FROM ap_object WHERE iri = '" + post.get("id").asText() + "'"));
        }
        assertNoFailures();
    }

    @Test
    @Order(4)
    void unsubscribingStopsForwarding() {
        services(b).relays.unsubscribe(relayInbox);
        TestNode.awaitQuiet(relayNode, a, b);
        assertEquals(0, relayNode.count("SELECT count(*) FROM relay_subscriber WHERE actor = '" + b.url() + "/actor'"));
        assertEquals(0, b.count("SELECT count(*) FROM relay_subscription"));

        int mastodonBefore = types(mastodon).size();
        URI note = services(a).notes.publish(a.actor("musterstadt"), "<p>Nur noch über den Relay für die anderen</p>");
        TestNode.awaitQuiet(relayNode, a, b);
        await(mastodon, mastodonBefore + 1);
        assertEquals(0, b.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'"), "B left the relay");
        notHeldByB = note;
        assertNoFailures();
    }

    @Test
    @Order(5)
    void aRelayedActivityIsTakenOnlyOnItsProofOrItsOriginsCopy() throws Exception {
        // B subscribes to a relay that will forge what it forwards.
        FakeRemote.Actor forger = fakeRelay.actor("relay");
        URI follow = services(b).relays.subscribe(forger.id());
        TestNode.awaitQuiet(b);
        assertEquals(1, b.count("SELECT count(*) FROM relay_subscription WHERE state = 'pending' AND relay_actor = '" + forger.id() + "'"),
                "pending until the relay accepts");
        ObjectNode accept = fakeRelay.activity(forger, "Accept");
        accept.put("object", follow.toString());
        URI bInbox = URI.create(b.url() + "/inbox");
        assertEquals(202, fakeRelay.post(bInbox, accept).send().status());
        TestNode.awaitQuiet(b);
        assertEquals(1, b.count("SELECT count(*) FROM relay_subscription WHERE state = 'accepted' AND relay_actor = '" + forger.id() + "'"));

        String original = activityOf(a, "Create", notHeldByB);
        // Words changed (so the proofs break) and an object its origin never served: refused, and nothing kept.
        ObjectNode forged = (ObjectNode) GoldenJson.JSON.readTree(original);
        forged.put("id", a.url() + "/activities/forged-1");
        ((ObjectNode) forged.get("object")).put("content", "<p>Gefälscht</p>").put("id", a.url() + "/objects/forged-1");
        String rows = "SELECT (SELECT count(*) FROM inbox_item) + (SELECT count(*) FROM ap_object) + (SELECT count(*) FROM activity)"
                + " + (SELECT count(*) FROM remote_actor) + (SELECT count(*) FROM remote_key)";
        long before = b.count(rows);
        var refused = fakeRelay.post(bInbox, forged).by(forger).send();
        assertEquals(403, refused.status(), refused.body());
        assertEquals(before, b.count(rows), "a refused request leaves no row");

        // Words changed, but the origin serves the object: taken as the origin serves it.
        ObjectNode altered = (ObjectNode) GoldenJson.JSON.readTree(original);
        altered.put("id", a.url() + "/activities/forged-2");
        ((ObjectNode) altered.get("object")).put("content", "<p>Gefälscht</p>");
        assertEquals(202, fakeRelay.post(bInbox, altered).by(forger).send().status());
        TestNode.awaitQuiet(b);
        var stored = services(b).db.dsl().transactionResult(cfg -> new ObjectStore().find(cfg.dsl(), notHeldByB.toString())).orElseThrow();
        assertEquals("<p>Nur noch über den Relay für die anderen</p>", stored.raw().path("content").asText(), "the origin's words");

        assertNoFailures();
    }

    @Test
    @Order(6)
    void aRelayedDeleteWithoutProofIsTakenOnlyWhenItsOriginNoLongerServesTheObject() throws Exception {
        FakeRemote.Actor forger = fakeRelay.actor("relay");
        URI bInbox = URI.create(b.url() + "/inbox");
        // A note B gets through the (fake) relay unchanged: its proof vouches for it.
        URI kept = services(a).notes.publish(a.actor("musterstadt"), "<p>Bleibt stehen</p>");
        TestNode.awaitQuiet(relayNode, a);
        assertEquals(202, fakeRelay.post(bInbox, (ObjectNode) GoldenJson.JSON.readTree(activityOf(a, "Create", kept))).by(forger).send().status());
        TestNode.awaitQuiet(b);
        assertEquals(1, b.count("SELECT count(*) FROM ap_object WHERE iri = '" + kept + "' AND deleted IS NULL"));

        // A Delete of it without a proof: its origin still serves it, so it is refused and the note stays.
        ObjectNode forgedDelete = fakeRelay.activity(forger, "Delete");
        forgedDelete.put("id", a.url() + "/activities/forged-delete").put("actor", a.actorIri("musterstadt").toString())
                .put("object", kept.toString()).putArray("to").add(PUBLIC);
        var refused = fakeRelay.post(bInbox, forgedDelete).by(forger).send();
        assertEquals(403, refused.status(), refused.body());

        // Musterstadt really deletes the note B took from its origin; the relayed Delete, its proof stripped, is taken: 410.
        services(a).notes.delete(a.actor("musterstadt"), notHeldByB);
        TestNode.awaitQuiet(relayNode, a);
        ObjectNode delete = (ObjectNode) GoldenJson.JSON.readTree(activityOf(a, "Delete", notHeldByB));
        delete.remove("proof");
        assertEquals(202, fakeRelay.post(bInbox, delete).by(forger).send().status());
        TestNode.awaitQuiet(b);
        assertEquals(1, b.count("SELECT count(*) FROM ap_object WHERE iri = '" + notHeldByB + "' AND deleted IS NOT NULL"));
        assertEquals(1, b.count("SELECT count(*) FROM ap_object WHERE iri = '" + kept + "' AND deleted IS NULL"));
        assertNoFailures();
    }

    @Test
    @Order(7)
    void refusalsAtTheRelayInboxAreClientErrorsAndLeaveNoRow() {
        String rows = "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM delivery) + (SELECT count(*) FROM relay_subscriber)"
                + " + (SELECT count(*) FROM remote_actor) + (SELECT count(*) FROM remote_key) + (SELECT count(*) FROM inbox_item)";
        long before = relayNode.count(rows);
        FakeRemote.Actor someone = stranger.actor("someone");
        assertEquals(401, mastodon.post(relayInbox, mastodon.createNote(mastodon.actor("instance"), "<p>x</p>")).unsigned().send().status());
        assertEquals(400, mastodon.post(relayInbox, "{\"type\":".getBytes(StandardCharsets.UTF_8)).by(mastodon.actor("instance")).send().status());
        assertEquals(422, mastodon.post(relayInbox, mastodon.follow(mastodon.actor("instance"), URI.create(a.url() + "/actors/musterstadt")))
                .send().status(), "a relay is followed at as:Public or as itself");
        assertEquals(403, mastodon.post(relayInbox, mastodon.follow(someone, URI.create(PUBLIC))).by(mastodon.actor("instance")).send().status(),
                "a subscription signed by someone else");
        assertEquals(403, stranger.post(relayInbox, stranger.createNote(someone, "<p>Spam</p>")).send().status(), "not a subscriber");
        assertEquals(before, relayNode.count(rows));
        assertEquals(404, pleroma.post(URI.create(a.url() + "/relay/inbox"), pleroma.follow(pleroma.actor("relay"), URI.create(PUBLIC)))
                .send().status(), "a node that runs no relay");
    }

    /** The JSON of one of a node's activities about an object, as stored. */
    private static String activityOf(TestNode node, String type, URI object) {
        return node.node().services().db.dsl().fetchValue("SELECT raw::text FROM activity WHERE type = ? AND object_iri = ?",
                type, object.toString()).toString();
    }

    private static String outcome(FakeRemote.Response r) {
        assertEquals(202, r.status(), r.body());
        return r.json().path("relay").asText();
    }

    private static String cli(TestNode node, String... args) {
        var r = InProcessCli.run(node.cliEnv(), args);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    /** The types of the activities a fake server's inboxes received, in order. */
    private static List<String> types(FakeRemote remote) {
        return remote.received().stream().filter(r -> r.method().equals("POST")).map(r -> {
            try {
                return GoldenJson.JSON.readTree(r.body()).path("type").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static FakeRemote.Received lastPost(FakeRemote remote) {
        return remote.received().stream().filter(r -> r.method().equals("POST")).reduce((first, second) -> second).orElseThrow();
    }

    private static void await(FakeRemote remote, int posts) {
        TestNode.await(posts + " POSTs at " + remote.base(), () -> types(remote).size() >= posts);
    }

    private void assertNoFailures() {
        for (TestNode n : List.of(relayNode, a, b)) {
            assertEquals(0, n.count("SELECT count(*) FROM delivery WHERE delivered IS NULL"), "every delivery delivered");
            assertEquals(0, n.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL"), "every inbound activity applied");
        }
    }

    private static Services services(TestNode node) {
        return node.node().services();
    }
}
