package de.allmende.federation.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.Services;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperability with an independent ActivityPub implementation: the Fedify 1.5.9 peer in
 * {@code src/test/interop/peer}, talking to a real node over loopback HTTP. The peer verifies our
 * draft-cavage signatures itself ({@code signatureVerified}), fetches our actor, notes and WebFinger,
 * and signs everything it sends (HTTP signature, LD signature, FEP-8b32 proof) the way Fedify does.
 *
 * <p>One node and one peer per class; the tests build on each other in the declared order (follow
 * first, unfollow last), but every test waits for the state it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndependentPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestNode node;
    private InteropPeer peer;
    private Services services;

    @BeforeAll
    void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        services = node.node().services();
        peer = InteropPeer.start(repoRoot());
    }

    @AfterAll
    void stop() {
        if (peer != null) peer.close();
        if (node != null) node.close();
    }

    // ------------------------------------------------------------------ the peer follows us

    @Test
    @Order(1)
    void peerFollowsByAcctHandleViaWebFinger() {
        URI muster = node.actorIri("musterstadt");
        String handle = "acct:musterstadt@" + node.publicUrl().getRawAuthority();
        peer.follow(handle);

        awaitPeer("peer's following lists musterstadt", () -> peer.following().contains(muster.toString()));
        JsonNode accept = peer.awaitInbox(a -> "Accept".equals(a.path("type").asText())
                && muster.toString().equals(a.path("actor").asText()), WAIT);
        assertTrue(accept.path("signatureVerified").asBoolean(), "Accept must carry a signature Fedify verifies: " + accept);
        assertEquals("Follow", accept.path("activity").path("object").path("type").asText(), "Accept embeds the Follow");
        // The Follow is embedded with the @context its proof covers, so Fedify still verifies its own proof.
        assertProofVerifiedByFedify(accept, "activity", accept.path("id").asText(), muster + "#ed25519-key");
        assertProofVerifiedByFedify(accept, "object", accept.path("activity").path("object").path("id").asText(),
                peer.actor() + "#key-2");

        assertEquals(1, node.count(followRows(peer.actor(), muster, "accepted")));
        List<String> followers = collectionItems("/actors/musterstadt/followers");
        assertEquals(List.of(peer.actor().toString()), followers, "our followers collection lists the peer");
        assertEquals(1, totalItems("/actors/musterstadt/followers"));
    }

    @Test
    @Order(2)
    void peerFollowsByActorUrl() {
        URI dorf = node.actorIri("beispieldorf");
        peer.follow(dorf.toString());
        awaitPeer("peer's following lists beispieldorf", () -> peer.following().contains(dorf.toString()));
        assertEquals(1, node.count(followRows(peer.actor(), dorf, "accepted")));
        assertEquals(List.of(peer.actor().toString()), collectionItems("/actors/beispieldorf/followers"));
    }

    // ------------------------------------------------------------------ our notes reach the peer

    @Test
    @Order(3)
    void ourNoteUpdateAndDeleteReachThePeerSigned() {
        var muster = node.actor("musterstadt");
        awaitPeer("peer follows musterstadt", () -> peer.following().contains(node.actorIri("musterstadt").toString()));

        URI note = services.notes.publish(muster, "<p>Bürgerversammlung am Montag</p>");
        JsonNode create = peer.awaitInbox(a -> "Create".equals(a.path("type").asText()) && objectId(a).equals(note.toString()), WAIT);
        assertTrue(create.path("signatureVerified").asBoolean(), "Create must be verified by Fedify: " + create);
        assertEquals(node.actorIri("musterstadt").toString(), create.path("actor").asText());
        // Fedify's own verifyProof/verifyObject accept the proofs of the Create and of the Note it embeds,
        // with the key from musterstadt's assertionMethod.
        String key = node.actorIri("musterstadt") + "#ed25519-key";
        assertProofVerifiedByFedify(create, "activity", create.path("id").asText(), key);
        assertProofVerifiedByFedify(create, "object", note.toString(), key);
        assertEquals("<p>Bürgerversammlung am Montag</p>", create.path("activity").path("object").path("content").asText());

        services.notes.edit(muster, note, "<p>Bürgerversammlung am Dienstag</p>");
        JsonNode update = peer.awaitInbox(a -> "Update".equals(a.path("type").asText()) && objectId(a).equals(note.toString()), WAIT);
        assertTrue(update.path("signatureVerified").asBoolean(), "Update: " + update);
        assertEquals("<p>Bürgerversammlung am Dienstag</p>", update.path("activity").path("object").path("content").asText());

        // Profile changes reach the peer as Update(Organization), signed like everything else.
        services.profiles.publishUpdate(muster);
        JsonNode actorUpdate = peer.awaitInbox(a -> "Update".equals(a.path("type").asText())
                && objectId(a).equals(node.actorIri("musterstadt").toString()), WAIT);
        assertTrue(actorUpdate.path("signatureVerified").asBoolean(), "actor Update: " + actorUpdate);

        services.notes.delete(muster, note);
        JsonNode delete = peer.awaitInbox(a -> "Delete".equals(a.path("type").asText()) && objectId(a).equals(note.toString()), WAIT);
        assertTrue(delete.path("signatureVerified").asBoolean(), "Delete: " + delete);
        assertEquals(0, peer.rejected().size(), "the peer refused something: " + peer.rejected());
    }

    // ------------------------------------------------------------------ the peer's activities reach us

    @Test
    @Order(4)
    void weFollowThePeerAndStoreItsNotesUpdatesAndDeletes() {
        var muster = node.actor("musterstadt");
        URI us = node.actorIri("musterstadt");
        services.follows.follow(muster, peer.actor());
        TestNode.await("the peer's Accept makes our follow accepted",
                () -> node.count(followRows(us, peer.actor(), "accepted")) == 1);
        assertTrue(peer.followers().contains(us.toString()), "peer lists us as follower: " + peer.followers());

        String noteId = peer.post("<p>Grüße vom Peer</p>");
        TestNode.await("peer's note stored", () -> node.count("SELECT count(*) FROM ap_object WHERE iri = " + q(noteId)) == 1);
        assertEquals(1, node.count("SELECT count(*) FROM ap_object WHERE iri = " + q(noteId) + " AND type = 'Note'"
                + " AND attributed_to = " + q(peer.actor().toString()) + " AND local_actor_id IS NULL"
                + " AND raw->>'content' = '<p>Grüße vom Peer</p>'"), "raw JSON kept");
        // Fedify compacts the public address to "as:Public": it must still count as public.
        assertEquals(1, node.count("SELECT count(*) FROM activity WHERE type = 'Create' AND object_iri = " + q(noteId)
                + " AND public AND raw::text LIKE '%as:Public%'"), "Create with \"as:Public\" is stored as public");

        // We like and boost the peer's note: both reach it with signatures Fedify verifies.
        URI like = services.likes.like(muster, URI.create(noteId));
        URI boost = services.boosts.boost(muster, URI.create(noteId));
        for (URI sent : List.of(like, boost)) {
            JsonNode got = peer.awaitInbox(a -> sent.toString().equals(a.path("id").asText()), WAIT);
            assertTrue(got.path("signatureVerified").asBoolean(), "our " + got.path("type").asText() + ": " + got);
            assertEquals(noteId, objectId(got));
        }

        peer.call("POST", "/_control/update", obj().put("id", noteId).put("content", "<p>Grüße, korrigiert</p>"));
        TestNode.await("peer's update applied", () -> node.count("SELECT count(*) FROM ap_object WHERE iri = " + q(noteId)
                + " AND raw->>'content' = '<p>Grüße, korrigiert</p>' AND updated IS NOT NULL") == 1);

        peer.call("POST", "/_control/delete", obj().put("id", noteId));
        TestNode.await("peer's delete applied", () -> node.count("SELECT count(*) FROM ap_object WHERE iri = " + q(noteId)
                + " AND deleted IS NOT NULL") == 1);
        assertNoFailedInboxItems();
    }

    @Test
    @Order(5)
    void peerLikesAnnouncesAndUndoesOnOurNote() {
        URI note = services.notes.publish(node.actor("beispieldorf"), "<p>Dorffest am Samstag</p>");
        String peerActor = peer.actor().toString();

        String like = peer.like(note.toString());
        TestNode.await("like stored", () -> node.count(reactionRows("like", peerActor, note)) == 1);
        assertEquals(1, node.count("SELECT count(*) FROM reaction WHERE activity_iri = " + q(like)));

        String announce = peer.announce(note.toString());
        TestNode.await("announce stored", () -> node.count(reactionRows("announce", peerActor, note)) == 1);
        assertEquals(1, node.count("SELECT count(*) FROM reaction WHERE activity_iri = " + q(announce)));
        assertEquals(1, node.count("SELECT count(*) FROM activity WHERE iri = " + q(announce) + " AND public"),
                "Announce to \"as:Public\" is public");

        // A reply to our note is stored with its inReplyTo.
        String reply = peer.call("POST", "/_control/post", obj().put("content", "<p>Wir kommen!</p>").put("inReplyTo", note.toString()))
                .path("id").asText();
        TestNode.await("reply stored", () -> node.count("SELECT count(*) FROM ap_object WHERE iri = " + q(reply)
                + " AND in_reply_to = " + q(note.toString())) == 1);

        peer.call("POST", "/_control/undo", obj().put("id", like));
        TestNode.await("like undone", () -> node.count(reactionRows("like", peerActor, note)) == 0);
        assertEquals(1, node.count(reactionRows("announce", peerActor, note)), "only the Like was undone");
        assertNoFailedInboxItems();
    }

    @Test
    @Order(6)
    void activitySignedAndCarryingAProofIsAccepted() {
        URI note = services.notes.publish(node.actor("musterstadt"), "<p>Haushalt 2026</p>");
        String id = peer.baseUri().resolve("/activities/" + UUID.randomUUID()).toString();
        ObjectNode like = obj().put("@context", "https://www.w3.org/ns/activitystreams").put("id", id).put("type", "Like")
                .put("actor", peer.actor().toString()).put("object", note.toString());
        like.putArray("to").add(node.actorIri("musterstadt").toString());

        JsonNode answer = peer.call("POST", "/_control/send", obj().put("inbox", node.url() + "/actors/musterstadt/inbox")
                .put("sign", true).put("proof", true).set("activity", like));
        assertEquals(202, answer.path("status").asInt(), "answer: " + answer);
        JsonNode sent = answer.path("activity");
        assertEquals("DataIntegrityProof", sent.path("proof").path("type").asText(), "the peer attached an FEP-8b32 proof: " + sent);
        assertEquals("eddsa-jcs-2022", sent.path("proof").path("cryptosuite").asText());

        TestNode.await("signed+proofed Like applied", () -> node.count(reactionRows("like", peer.actor().toString(), note)) == 1);
        assertEquals(1, node.count("SELECT count(*) FROM activity WHERE iri = " + q(id) + " AND raw ? 'proof'"),
                "the activity is kept with its proof");
    }

    @Test
    @Order(7)
    void peerUndoesItsFollow() {
        URI muster = node.actorIri("musterstadt");
        awaitPeer("peer follows musterstadt", () -> peer.following().contains(muster.toString()));
        peer.unfollow(muster.toString());
        TestNode.await("follow removed", () -> node.count(followRows(peer.actor(), muster, null)) == 0);
        assertEquals(List.of(), collectionItems("/actors/musterstadt/followers"));
        // The other follow is untouched.
        assertEquals(1, node.count(followRows(peer.actor(), node.actorIri("beispieldorf"), "accepted")));

        // And the other direction: our Undo(Follow) makes the peer drop us.
        assertTrue(peer.followers().contains(muster.toString()));
        services.follows.unfollow(node.actor("musterstadt"), peer.actor());
        awaitPeer("peer no longer lists us as follower", () -> !peer.followers().contains(muster.toString()));
        assertEquals(0, node.count(followRows(muster, peer.actor(), null)));

        assertNoFailedInboxItems();
        assertEquals(List.of(), peer.rejected(), "the peer refused some of our deliveries");
    }

    // ------------------------------------------------------------------ reports

    @Test
    @Order(8)
    void aForwardedReportIsAFlagFromTheInstanceActorThatFedifyVerifies() {
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        ClientApi app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "write:reports")
                .login("kaemmerin", "write:reports"));
        long peerAccount = node.count("SELECT id FROM account WHERE iri = " + q(peer.actor().toString()));
        JsonNode report = app.entity("POST", "/api/v1/reports", "{\"account_id\":\"" + peerAccount + "\",\"comment\":\"Prüfen\","
                + "\"forward\":true}", "Report");
        assertTrue(report.path("forwarded").asBoolean());

        String instanceActor = node.url() + "/actor";
        JsonNode flag = peer.awaitInbox(a -> "Flag".equals(a.path("type").asText()), WAIT);
        assertTrue(flag.path("signatureVerified").asBoolean(), "the Flag must carry a signature Fedify verifies: " + flag);
        assertEquals(instanceActor, flag.path("actor").asText());
        assertEquals(peer.actor().toString(), flag.path("activity").path("object").path(0).asText());
        assertEquals("Prüfen", flag.path("activity").path("content").asText());
        assertProofVerifiedByFedify(flag, "activity", flag.path("id").asText(), instanceActor + "#ed25519-key");
        assertEquals(List.of(), peer.rejected(), "the peer refused the Flag");
    }

    // ------------------------------------------------------------------ helpers

    private void assertNoFailedInboxItems() {
        long failed = node.count("SELECT count(*) FROM inbox_item WHERE failed IS NOT NULL OR last_error IS NOT NULL");
        assertEquals(0, failed, () -> "inbox items failed: " + node.count("SELECT count(*) FROM inbox_item"));
        assertFalse(peer.sent().stream().anyMatch(s -> s.path("ok").isBoolean() && !s.path("ok").asBoolean()),
                () -> "a delivery of the peer failed: " + peer.sent());
    }

    /** The peer's proof report for one document of a received activity says Fedify verified it with {@code key}. */
    private void assertProofVerifiedByFedify(JsonNode received, String path, String documentId, String key) {
        String activityId = received.path("id").asText();
        JsonNode report = peer.proofReport(activityId, path);
        assertEquals(documentId, report.path("id").asText(), "report: " + report);
        assertTrue(report.path("hasProof").asBoolean(), "we sign every " + path + ": " + report);
        assertTrue(report.path("proofValid").asBoolean(), "Fedify's verifyProof: " + report);
        assertTrue(report.path("verified").asBoolean(), "Fedify's verifyObject (key controller = owner): " + report);
        assertEquals(key, report.path("keyId").asText(), "report: " + report);
        assertEquals(202, report.path("status").asInt(), "report: " + report);
    }

    private List<String> collectionItems(String path) {
        var r = node.get(path + "?page=true", "application/activity+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> items = new ArrayList<>();
        try {
            JSON.readTree(r.body()).path("orderedItems").forEach(i -> items.add(i.asText()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return items;
    }

    private int totalItems(String path) {
        var r = node.get(path, "application/activity+json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body()).path("totalItems").asInt(-1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String objectId(JsonNode entry) {
        JsonNode o = entry.path("activity").path("object");
        return o.isTextual() ? o.asText() : o.path("id").asText();
    }

    private static String followRows(URI follower, URI followee, String state) {
        return "SELECT count(*) FROM follow WHERE follower = " + q(follower.toString()) + " AND followee = " + q(followee.toString())
                + (state == null ? "" : " AND state = " + q(state));
    }

    private static String reactionRows(String kind, String actor, URI object) {
        return "SELECT count(*) FROM reaction WHERE kind = " + q(kind) + " AND actor = " + q(actor) + " AND object_iri = " + q(object.toString());
    }

    private static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static void awaitPeer(String what, java.util.function.BooleanSupplier condition) {
        TestNode.await(what, WAIT, condition);
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found above " + Path.of("").toAbsolutePath());
        return p;
    }

}
