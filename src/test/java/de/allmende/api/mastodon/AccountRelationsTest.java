package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.AppScenario;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static de.allmende.testkit.AppScenario.ids;
import static de.allmende.testkit.AppScenario.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a municipality does to accounts from its Mastodon app (issue 10): follow a Mastodon-shaped peer (and another
 * municipality of the node), block, mute, note, hide a domain and answer follow requests. Follows, blocks and the
 * answers reach the peer's inbox with a signature that holds; another municipality's token sees none of it.
 */
@DisplayName("Client API: follows, follow requests, blocks, mutes, notes, domain blocks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountRelationsTest {
    private static AppScenario s;
    private static String annaId;
    private static String annasNote;

    @BeforeAll
    static void start() {
        s = AppScenario.start();
        annaId = s.known(s.anna);
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    @Order(1)
    @DisplayName("follow: the Follow arrives signed, the peer's Accept makes the relationship following; options stay the follow's")
    void follow() {
        JsonNode asked = s.app.post("/api/v1/accounts/" + annaId + "/follow",
                Map.of("reblogs", "false", "notify", "true", "languages[]", "de"), "Relationship");
        assertTrue(asked.path("requested").asBoolean(), asked::toString);
        assertFalse(asked.path("following").asBoolean());
        assertFalse(asked.path("showing_reblogs").asBoolean());
        assertTrue(asked.path("notifying").asBoolean());
        assertEquals("[\"de\"]", asked.path("languages").toString());

        JsonNode follow = s.fromMusterstadt.await("Follow", s.anna.id().toString());
        assertEquals(s.node.actorIri("musterstadt").toString(), follow.path("actor").asText());
        s.accept(s.anna, follow);
        TestNode.await("the relationship is following", () -> s.relationship(annaId).path("following").asBoolean());
        assertFalse(s.relationship(annaId).path("requested").asBoolean());
        annasNote = s.postId(s.deliverNote(s.anna, "<p>Stadtfest am Samstag</p>"));
        assertTrue(ids(s.app.list("/api/v1/timelines/home", "Status")).contains(annasNote), "the followed account's post is on home");

        JsonNode again = s.app.post("/api/v1/accounts/" + annaId + "/follow", Map.of("reblogs", "true"), "Relationship");
        assertTrue(again.path("following").asBoolean() && again.path("showing_reblogs").asBoolean(), again::toString);
        assertTrue(again.path("notifying").asBoolean(), "options not sent stay as they were");
        assertEquals(1, s.remote.received().stream().filter(r -> new String(r.body()).contains("\"Follow\"")
                && !new String(r.body()).contains("\"Accept\"")).count(), "following again sends no second Follow");
    }

    @Test
    @Order(2)
    @DisplayName("block: follows end both ways, the Block arrives signed, their posts leave home, their Follow is refused; unblock undoes")
    void block() {
        String berndId = s.known(s.bernd);
        s.deliver(s.remote.follow(s.bernd, s.node.actorIri("musterstadt")));
        TestNode.await("bernd follows musterstadt", () -> s.relationship(berndId).path("followed_by").asBoolean());
        s.app.post("/api/v1/accounts/" + berndId + "/follow", Map.of(), "Relationship");
        s.accept(s.bernd, s.fromMusterstadt.await("Follow", s.bernd.id().toString()));
        TestNode.await("musterstadt follows bernd", () -> s.relationship(berndId).path("following").asBoolean());
        String berndsNote = s.postId(s.deliverNote(s.bernd, "<p>Bernds Beitrag</p>"));
        assertTrue(ids(s.app.list("/api/v1/timelines/home?limit=40", "Status")).contains(berndsNote));

        JsonNode blocked = s.app.post("/api/v1/accounts/" + berndId + "/block", "Relationship");
        assertTrue(blocked.path("blocking").asBoolean());
        assertFalse(blocked.path("following").asBoolean() || blocked.path("followed_by").asBoolean(), blocked::toString);
        JsonNode block = s.fromMusterstadt.await("Block", s.bernd.id().toString());
        assertEquals(s.node.actorIri("musterstadt").toString(), block.path("actor").asText());
        s.fromMusterstadt.await("Reject of bernd's Follow", a -> a.path("type").asText().equals("Reject")
                && a.at("/object/actor").asText().equals(s.bernd.id().toString()));
        s.fromMusterstadt.await("Undo of the follow of bernd", a -> a.path("type").asText().equals("Undo")
                && a.at("/object/type").asText().equals("Follow") && a.at("/object/object").asText().equals(s.bernd.id().toString()));
        assertFalse(ids(s.app.list("/api/v1/timelines/home?limit=40", "Status")).contains(berndsNote), "gone from home");
        assertEquals(List.of(berndId), ids(s.app.list("/api/v1/blocks", "Account")));
        assertEquals(403, s.app.postError("/api/v1/accounts/" + berndId + "/follow"), "no following whom one blocks");

        ObjectNode again = s.remote.follow(s.bernd, s.node.actorIri("musterstadt"));
        s.deliver(again);
        s.fromMusterstadt.await("Reject", again.path("id").asText());
        assertFalse(s.relationship(berndId).path("followed_by").asBoolean(), "a blocked account's Follow is refused");

        assertFalse(s.app.post("/api/v1/accounts/" + berndId + "/unblock", "Relationship").path("blocking").asBoolean());
        assertEquals(block.path("id").asText(), s.fromMusterstadt.await("Undo", "Block").at("/object/id").asText());
        assertEquals(List.of(), ids(s.app.list("/api/v1/blocks", "Account")));
    }

    @Test
    @Order(3)
    @DisplayName("mute (nothing is sent), note: the relationship says so, home hides the muted; unmute brings them back")
    void muteAndNote() {
        int postsBefore = s.remote.received().size();
        JsonNode muted = s.app.post("/api/v1/accounts/" + annaId + "/mute", Map.of("notifications", "false"), "Relationship");
        assertTrue(muted.path("muting").asBoolean());
        assertFalse(muted.path("muting_notifications").asBoolean());
        assertFalse(ids(s.app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        JsonNode mutes = s.app.list("/api/v1/mutes", "MutedAccount");
        assertEquals(List.of(annaId), ids(mutes));
        assertTrue(mutes.get(0).path("mute_expires_at").isNull(), "muted for good");
        s.app.post("/api/v1/accounts/" + annaId + "/mute", Map.of("duration", "3600"), "Relationship");
        assertTrue(s.app.list("/api/v1/mutes", "MutedAccount").get(0).path("mute_expires_at").asText().startsWith("20"), "an hour from now");
        assertEquals(422, s.app.sendFields("POST", "/api/v1/accounts/" + annaId + "/mute", Map.of("duration", "bald")).statusCode());
        assertFalse(s.app.post("/api/v1/accounts/" + annaId + "/unmute", "Relationship").path("muting").asBoolean());
        assertTrue(ids(s.app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        assertEquals(postsBefore, s.remote.received().size(), "mutes stay on this node");

        JsonNode noted = s.app.post("/api/v1/accounts/" + annaId + "/note", Map.of("comment", "Ansprechpartnerin Kultur"), "Relationship");
        assertEquals("Ansprechpartnerin Kultur", noted.path("note").asText());
        assertEquals("", s.dorf.list("/api/v1/accounts/relationships?id[]=" + annaId, "Relationship").get(0).path("note").asText(),
                "notes are the municipality's own");
    }

    @Test
    @Order(4)
    @DisplayName("follow requests of a locked municipality: listed, authorized (Accept signed by it) or rejected; others' tokens get 404")
    void followRequests() {
        String carlaId = s.known(s.carla);
        s.deliver(s.remote.follow(s.carla, s.node.actorIri("beispieldorf")));
        s.deliver(s.remote.follow(s.anna, s.node.actorIri("beispieldorf")));
        TestNode.await("two requests wait", () -> s.dorf.list("/api/v1/follow_requests", "Account").size() == 2);
        // The inbox applies the two Follows in whichever order its workers take them.
        assertEquals(java.util.Set.of(annaId, carlaId), java.util.Set.copyOf(ids(s.dorf.list("/api/v1/follow_requests", "Account"))));
        assertTrue(s.dorf.list("/api/v1/accounts/relationships?id[]=" + carlaId, "Relationship").get(0).path("requested_by").asBoolean());
        assertEquals(404, s.app.postError("/api/v1/follow_requests/" + carlaId + "/authorize"), "not musterstadt's request");

        JsonNode accepted = s.dorf.post("/api/v1/follow_requests/" + carlaId + "/authorize", "Relationship");
        assertTrue(accepted.path("followed_by").asBoolean());
        s.fromBeispieldorf.await("Accept of carla's Follow",
                a -> a.path("type").asText().equals("Accept") && a.at("/object/actor").asText().equals(s.carla.id().toString()));
        assertFalse(s.dorf.post("/api/v1/follow_requests/" + annaId + "/reject", "Relationship").path("requested_by").asBoolean());
        s.fromBeispieldorf.await("Reject of anna's Follow",
                a -> a.path("type").asText().equals("Reject") && a.at("/object/actor").asText().equals(s.anna.id().toString()));
        assertEquals(List.of(), ids(s.dorf.list("/api/v1/follow_requests", "Account")));

        // Familiar followers: musterstadt follows s.carla, who follows beispieldorf.
        s.app.post("/api/v1/accounts/" + carlaId + "/follow", Map.of(), "Relationship");
        s.accept(s.carla, s.fromMusterstadt.await("Follow", s.carla.id().toString()));
        TestNode.await("musterstadt follows carla", () -> s.relationship(carlaId).path("following").asBoolean());
        String dorfId = s.dorf.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        JsonNode familiar = s.app.list("/api/v1/accounts/familiar_followers?id[]=" + dorfId, "FamiliarFollowers");
        assertEquals(List.of(carlaId), ids(familiar.get(0).path("accounts")));
    }

    @Test
    @Order(5)
    @DisplayName("following a municipality of this node: its approval decides, nothing leaves the node")
    void localFollow() {
        int postsBefore = s.remote.received().size();
        String dorfId = s.dorf.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        String me = s.app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        assertTrue(s.app.post("/api/v1/accounts/" + dorfId + "/follow", "Relationship").path("requested").asBoolean(), "beispieldorf approves followers");
        assertEquals(List.of(me), ids(s.dorf.list("/api/v1/follow_requests", "Account")));
        assertTrue(s.dorf.post("/api/v1/follow_requests/" + me + "/authorize", "Relationship").path("followed_by").asBoolean());
        assertTrue(s.relationship(dorfId).path("following").asBoolean());
        assertTrue(ids(s.app.list("/api/v1/accounts/" + dorfId + "/followers", "Account")).contains(me));
        assertFalse(s.app.post("/api/v1/accounts/" + dorfId + "/unfollow", "Relationship").path("following").asBoolean());
        assertEquals(422, s.app.postError("/api/v1/accounts/" + me + "/follow"), "not oneself");
        assertEquals(postsBefore, s.remote.received().size(), "nothing was sent");
    }

    @Test
    @Order(6)
    @DisplayName("scopes: a read-only token may not act (403), no token is 401")
    void scopes() {
        ClientApi readOnly = s.musterstadtWith("read");
        assertEquals(403, readOnly.postError("/api/v1/statuses/" + annasNote + "/favourite"));
        assertEquals(403, readOnly.postError("/api/v1/accounts/" + annaId + "/block"));
        assertEquals(401, new ClientApi(s.node, null).postError("/api/v1/statuses/" + annasNote + "/favourite"));
        assertEquals(200, readOnly.get("/api/v1/favourites").statusCode());
    }

    @Test
    @Order(7)
    @DisplayName("domain block: followers there are rejected, its posts leave the public timeline, followed accounts stay; DELETE lifts it")
    void domainBlock() {
        String host = s.remote.base().getHost();
        s.deliver(s.remote.follow(s.anna, s.node.actorIri("musterstadt")));
        TestNode.await("anna follows musterstadt", () -> s.relationship(annaId).path("followed_by").asBoolean());
        String berndsNote = s.postId(s.deliverNote(s.bernd, "<p>Bernd öffentlich</p>"));
        assertTrue(ids(s.app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));

        var blocked = s.app.sendFields("POST", "/api/v1/domain_blocks", Map.of("domain", host));
        assertEquals(200, blocked.statusCode(), blocked::body);
        assertEquals("{}", blocked.body(), "an empty object, as Mastodon answers");
        assertEquals(List.of(host), strings(s.app.get("/api/v1/domain_blocks")));
        JsonNode rel = s.relationship(annaId);
        assertTrue(rel.path("domain_blocking").asBoolean());
        assertFalse(rel.path("followed_by").asBoolean(), "followers there are removed");
        assertTrue(rel.path("following").asBoolean(), "whom the municipality follows there stays");
        s.fromMusterstadt.await("Reject of anna's Follow", a -> a.path("type").asText().equals("Reject")
                && a.at("/object/actor").asText().equals(s.anna.id().toString()) && a.at("/object/object").asText().equals(s.node.actorIri("musterstadt").toString()));
        assertFalse(ids(s.app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));
        assertTrue(ids(s.app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote), "a followed account's posts stay");
        String berndId = s.known(s.bernd);
        assertEquals(403, s.app.postError("/api/v1/accounts/" + berndId + "/follow"), "no new follows there");

        assertEquals(200, s.app.sendFields("DELETE", "/api/v1/domain_blocks?domain=" + host, Map.of()).statusCode());
        assertEquals(List.of(), strings(s.app.get("/api/v1/domain_blocks")));
        assertTrue(ids(s.app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));
        assertEquals(422, s.app.sendFields("POST", "/api/v1/domain_blocks", Map.of("domain", "kein domain")).statusCode());
    }
}
