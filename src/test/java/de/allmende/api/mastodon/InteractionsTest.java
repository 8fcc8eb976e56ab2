package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.SignedDeliveries;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interactions from a Mastodon app (issue 10): a municipality's staff follow a Mastodon-shaped peer, favourite and
 * boost its posts, bookmark and pin, block and mute, hide a domain and answer follow requests. What federates
 * reaches the peer's inbox with a signature that holds; every body is held against Mastodon's entity shapes.
 */
@DisplayName("Client API interactions: follows, favourites, boosts, bookmarks, pins, blocks, mutes, domain blocks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InteractionsTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static FakeRemote.Actor bernd;
    private static FakeRemote.Actor carla;
    private static ClientApi app;
    private static ClientApi dorf;
    private static SignedDeliveries fromMusterstadt;
    private static String annaId;
    private static String annasNote;
    private static String annasNoteIri;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(new MunicipalityInput("beispieldorf", "Gemeinde Beispieldorf", null, null, null, null, null, null, null, true));
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        bernd = remote.actor("bernd");
        carla = remote.actor("carla");
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "buergermeister", "beispieldorf", Role.ADMIN);
        MastodonApp registered = MastodonApp.register(node, "https://app.example/callback", "read write follow");
        app = new ClientApi(node, registered.login("kaemmerin", "read write follow"));
        dorf = new ClientApi(node, registered.login("buergermeister", "read write follow"));
        fromMusterstadt = SignedDeliveries.from(node, "musterstadt", remote);
        annaId = known(anna);
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @Order(1)
    @DisplayName("follow: the Follow arrives signed, the peer's Accept makes the relationship following; options stay the follow's")
    void follow() {
        JsonNode asked = app.post("/api/v1/accounts/" + annaId + "/follow",
                Map.of("reblogs", "false", "notify", "true", "languages[]", "de"), "Relationship");
        assertTrue(asked.path("requested").asBoolean(), asked::toString);
        assertFalse(asked.path("following").asBoolean());
        assertFalse(asked.path("showing_reblogs").asBoolean());
        assertTrue(asked.path("notifying").asBoolean());
        assertEquals("[\"de\"]", asked.path("languages").toString());

        JsonNode follow = fromMusterstadt.await("Follow", anna.id().toString());
        assertEquals(node.actorIri("musterstadt").toString(), follow.path("actor").asText());
        accept(anna, follow);
        TestNode.await("the relationship is following", () -> relationship(annaId).path("following").asBoolean());
        assertFalse(relationship(annaId).path("requested").asBoolean());

        JsonNode again = app.post("/api/v1/accounts/" + annaId + "/follow", Map.of("reblogs", "true"), "Relationship");
        assertTrue(again.path("following").asBoolean() && again.path("showing_reblogs").asBoolean(), again::toString);
        assertTrue(again.path("notifying").asBoolean(), "options not sent stay as they were");
        assertEquals(1, remote.received().stream().filter(r -> new String(r.body()).contains("\"Follow\"")
                && !new String(r.body()).contains("\"Accept\"")).count(), "following again sends no second Follow");
    }

    @Test
    @Order(2)
    @DisplayName("favourite a peer's post: the Like arrives signed, favourited_by and favourites list it; unfavourite sends the Undo")
    void favourite() {
        annasNoteIri = deliverNote(anna, "<p>Stadtfest am Samstag</p>");
        annasNote = postId(annasNoteIri);
        JsonNode s = app.post("/api/v1/statuses/" + annasNote + "/favourite", "Status");
        assertTrue(s.path("favourited").asBoolean());
        assertEquals(1, s.path("favourites_count").asInt());
        JsonNode like = fromMusterstadt.await("Like", annasNoteIri);
        assertEquals(node.actorIri("musterstadt").toString(), like.path("actor").asText());
        assertEquals(1, app.post("/api/v1/statuses/" + annasNote + "/favourite", "Status").path("favourites_count").asInt(),
                "favouriting twice is one favourite");

        assertEquals(List.of("musterstadt"), accts(app.list("/api/v1/statuses/" + annasNote + "/favourited_by", "Account")));
        assertEquals(List.of(annasNote), ids(app.list("/api/v1/favourites", "Status")));

        JsonNode undone = app.post("/api/v1/statuses/" + annasNote + "/unfavourite", "Status");
        assertFalse(undone.path("favourited").asBoolean());
        assertEquals(0, undone.path("favourites_count").asInt());
        JsonNode undo = fromMusterstadt.await("Undo", "Like");
        assertEquals(like.path("id").asText(), undo.at("/object/id").asText(), "the Undo names the Like");
        assertEquals(200, app.send("POST", "/api/v1/statuses/" + annasNote + "/unfavourite", Map.of()).statusCode(), "undoing twice is fine");
        assertEquals(List.of(), ids(app.list("/api/v1/favourites", "Status")));
    }

    @Test
    @Order(3)
    @DisplayName("reblog: the answer is the boost wrapping the post, the Announce arrives signed; unreblog sends the Undo")
    void reblog() {
        JsonNode boost = app.post("/api/v1/statuses/" + annasNote + "/reblog", "Status");
        assertNotEquals(annasNote, boost.path("id").asText());
        assertEquals(annasNote, boost.at("/reblog/id").asText());
        assertEquals("musterstadt", boost.at("/account/acct").asText());
        assertTrue(boost.path("reblogged").asBoolean() && boost.at("/reblog/reblogged").asBoolean());
        assertEquals(1, boost.at("/reblog/reblogs_count").asInt());
        JsonNode announce = fromMusterstadt.await("Announce", annasNoteIri);
        assertTrue(announce.path("to").toString().contains(PUBLIC));
        assertEquals(List.of("musterstadt"), accts(app.list("/api/v1/statuses/" + annasNote + "/reblogged_by", "Account")));
        assertTrue(ids(app.list("/api/v1/timelines/home", "Status")).contains(boost.path("id").asText()));

        JsonNode undone = app.post("/api/v1/statuses/" + annasNote + "/unreblog", "Status");
        assertEquals(annasNote, undone.path("id").asText());
        assertFalse(undone.path("reblogged").asBoolean());
        assertEquals(announce.path("id").asText(), fromMusterstadt.await("Undo", "Announce").at("/object/id").asText());
        assertFalse(ids(app.list("/api/v1/timelines/home", "Status")).contains(boost.path("id").asText()));

        String direct = deliverPost(anna, List.of(node.actorIri("musterstadt").toString()), "<p>Nur für Musterstadt</p>");
        assertEquals(403, app.postError("/api/v1/statuses/" + postId(direct) + "/reblog"), "a direct message is not boosted");
        assertEquals(404, dorf.postError("/api/v1/statuses/" + postId(direct) + "/favourite"), "another municipality's token sees nothing");
        assertEquals(404, dorf.error("/api/v1/statuses/" + postId(direct) + "/favourited_by"));
        assertEquals(404, app.postError("/api/v1/statuses/424242/bookmark"));
    }

    @Test
    @Order(4)
    @DisplayName("bookmarks: flagged on the status, listed newest first and paged by Link headers")
    void bookmarks() {
        List<String> marked = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = postId(deliverNote(anna, "<p>Merkzettel " + i + "</p>"));
            assertTrue(app.post("/api/v1/statuses/" + id + "/bookmark", "Status").path("bookmarked").asBoolean());
            marked.addFirst(id);
        }
        var first = app.get("/api/v1/bookmarks?limit=2");
        assertEquals(marked.subList(0, 2), ids(ClientApi.list(first, "Status")));
        var second = app.get(ClientApi.links(first).get("next"));
        assertEquals(marked.subList(2, 3), ids(ClientApi.list(second, "Status")));
        assertEquals(marked.subList(0, 2), ids(ClientApi.list(app.get(ClientApi.links(second).get("prev")), "Status")));

        assertFalse(app.post("/api/v1/statuses/" + marked.get(1) + "/unbookmark", "Status").path("bookmarked").asBoolean());
        assertEquals(List.of(marked.get(0), marked.get(2)), ids(app.list("/api/v1/bookmarks", "Status")));
        assertEquals(List.of(), ids(dorf.list("/api/v1/bookmarks", "Status")), "bookmarks are the municipality's own");
    }

    @Test
    @Order(5)
    @DisplayName("pins: own public posts only, at most five, shown by statuses?pinned=true and in the featured collection")
    void pins() {
        String me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        URI ours = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Unser Leitbild</p>");
        String id = postId(ours.toString());
        assertTrue(app.post("/api/v1/statuses/" + id + "/pin", "Status").path("pinned").asBoolean());
        assertEquals(List.of(id), ids(app.list("/api/v1/accounts/" + me + "/statuses?pinned=true", "Status")));
        assertTrue(featured().contains(ours.toString()), "the featured collection lists it");
        assertEquals(422, app.postError("/api/v1/statuses/" + annasNote + "/pin"), "someone else's post");
        assertEquals(422, dorf.postError("/api/v1/statuses/" + id + "/pin"), "another municipality's post");

        for (int i = 0; i < 4; i++) {
            String more = postId(node.node().services().notes.publish(node.actor("musterstadt"), "<p>Wichtig " + i + "</p>").toString());
            app.post("/api/v1/statuses/" + more + "/pin", "Status");
        }
        String sixth = postId(node.node().services().notes.publish(node.actor("musterstadt"), "<p>Zu viel</p>").toString());
        assertEquals(422, app.postError("/api/v1/statuses/" + sixth + "/pin"), "five pins at most");

        assertFalse(app.post("/api/v1/statuses/" + id + "/unpin", "Status").path("pinned").asBoolean());
        assertFalse(ids(app.list("/api/v1/accounts/" + me + "/statuses?pinned=true", "Status")).contains(id));
        assertFalse(featured().contains(ours.toString()));
    }

    @Test
    @Order(6)
    @DisplayName("block: follows end both ways, the Block arrives signed, their posts leave home, their Follow is refused; unblock undoes")
    void block() {
        String berndId = known(bernd);
        deliver(remote.follow(bernd, node.actorIri("musterstadt")));
        TestNode.await("bernd follows musterstadt", () -> relationship(berndId).path("followed_by").asBoolean());
        app.post("/api/v1/accounts/" + berndId + "/follow", Map.of(), "Relationship");
        accept(bernd, fromMusterstadt.await("Follow", bernd.id().toString()));
        TestNode.await("musterstadt follows bernd", () -> relationship(berndId).path("following").asBoolean());
        String berndsNote = postId(deliverNote(bernd, "<p>Bernds Beitrag</p>"));
        assertTrue(ids(app.list("/api/v1/timelines/home?limit=40", "Status")).contains(berndsNote));

        JsonNode blocked = app.post("/api/v1/accounts/" + berndId + "/block", "Relationship");
        assertTrue(blocked.path("blocking").asBoolean());
        assertFalse(blocked.path("following").asBoolean() || blocked.path("followed_by").asBoolean(), blocked::toString);
        JsonNode block = fromMusterstadt.await("Block", bernd.id().toString());
        assertEquals(node.actorIri("musterstadt").toString(), block.path("actor").asText());
        fromMusterstadt.await("Reject of bernd's Follow", a -> a.path("type").asText().equals("Reject")
                && a.at("/object/actor").asText().equals(bernd.id().toString()));
        fromMusterstadt.await("Undo of the follow of bernd", a -> a.path("type").asText().equals("Undo")
                && a.at("/object/type").asText().equals("Follow") && a.at("/object/object").asText().equals(bernd.id().toString()));
        assertFalse(ids(app.list("/api/v1/timelines/home?limit=40", "Status")).contains(berndsNote), "gone from home");
        assertEquals(List.of(berndId), ids(app.list("/api/v1/blocks", "Account")));
        assertEquals(403, app.postError("/api/v1/accounts/" + berndId + "/follow"), "no following whom one blocks");

        ObjectNode again = remote.follow(bernd, node.actorIri("musterstadt"));
        deliver(again);
        fromMusterstadt.await("Reject", again.path("id").asText());
        assertFalse(relationship(berndId).path("followed_by").asBoolean(), "a blocked account's Follow is refused");

        assertFalse(app.post("/api/v1/accounts/" + berndId + "/unblock", "Relationship").path("blocking").asBoolean());
        assertEquals(block.path("id").asText(), fromMusterstadt.await("Undo", "Block").at("/object/id").asText());
        assertEquals(List.of(), ids(app.list("/api/v1/blocks", "Account")));
    }

    @Test
    @Order(7)
    @DisplayName("mute (nothing is sent), note: the relationship says so, home hides the muted; unmute brings them back")
    void muteAndNote() {
        int postsBefore = remote.received().size();
        JsonNode muted = app.post("/api/v1/accounts/" + annaId + "/mute", Map.of("notifications", "false"), "Relationship");
        assertTrue(muted.path("muting").asBoolean());
        assertFalse(muted.path("muting_notifications").asBoolean());
        assertFalse(ids(app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        assertEquals(List.of(annaId), ids(app.list("/api/v1/mutes", "Account")));
        assertFalse(app.post("/api/v1/accounts/" + annaId + "/unmute", "Relationship").path("muting").asBoolean());
        assertTrue(ids(app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        assertEquals(postsBefore, remote.received().size(), "mutes stay on this node");

        JsonNode noted = app.post("/api/v1/accounts/" + annaId + "/note", Map.of("comment", "Ansprechpartnerin Kultur"), "Relationship");
        assertEquals("Ansprechpartnerin Kultur", noted.path("note").asText());
        assertEquals("", dorf.list("/api/v1/accounts/relationships?id[]=" + annaId, "Relationship").get(0).path("note").asText(),
                "notes are the municipality's own");
    }

    @Test
    @Order(8)
    @DisplayName("follow requests of a locked municipality: listed, authorized (Accept signed by it) or rejected; others' tokens get 404")
    void followRequests() {
        String carlaId = known(carla);
        deliver(remote.follow(carla, node.actorIri("beispieldorf")));
        deliver(remote.follow(anna, node.actorIri("beispieldorf")));
        TestNode.await("two requests wait", () -> dorf.list("/api/v1/follow_requests", "Account").size() == 2);
        // The inbox applies the two Follows in whichever order its workers take them.
        assertEquals(java.util.Set.of(annaId, carlaId), java.util.Set.copyOf(ids(dorf.list("/api/v1/follow_requests", "Account"))));
        assertTrue(dorf.list("/api/v1/accounts/relationships?id[]=" + carlaId, "Relationship").get(0).path("requested_by").asBoolean());
        assertEquals(404, app.postError("/api/v1/follow_requests/" + carlaId + "/authorize"), "not musterstadt's request");

        JsonNode accepted = dorf.post("/api/v1/follow_requests/" + carlaId + "/authorize", "Relationship");
        assertTrue(accepted.path("followed_by").asBoolean());
        SignedDeliveries.from(node, "beispieldorf", remote).await("Accept of carla's Follow",
                a -> a.path("type").asText().equals("Accept") && a.at("/object/actor").asText().equals(carla.id().toString()));
        assertFalse(dorf.post("/api/v1/follow_requests/" + annaId + "/reject", "Relationship").path("requested_by").asBoolean());
        SignedDeliveries.from(node, "beispieldorf", remote).await("Reject of anna's Follow",
                a -> a.path("type").asText().equals("Reject") && a.at("/object/actor").asText().equals(anna.id().toString()));
        assertEquals(List.of(), ids(dorf.list("/api/v1/follow_requests", "Account")));

        // Familiar followers: musterstadt follows carla, who follows beispieldorf.
        app.post("/api/v1/accounts/" + carlaId + "/follow", Map.of(), "Relationship");
        accept(carla, fromMusterstadt.await("Follow", carla.id().toString()));
        TestNode.await("musterstadt follows carla", () -> relationship(carlaId).path("following").asBoolean());
        String dorfId = dorf.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        JsonNode familiar = app.list("/api/v1/accounts/familiar_followers?id[]=" + dorfId, "FamiliarFollowers");
        assertEquals(List.of(carlaId), ids(familiar.get(0).path("accounts")));
    }

    @Test
    @Order(9)
    @DisplayName("following a municipality of this node: its approval decides, nothing leaves the node")
    void localFollow() {
        int postsBefore = remote.received().size();
        String dorfId = dorf.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        String me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        assertTrue(app.post("/api/v1/accounts/" + dorfId + "/follow", "Relationship").path("requested").asBoolean(), "beispieldorf approves followers");
        assertEquals(List.of(me), ids(dorf.list("/api/v1/follow_requests", "Account")));
        assertTrue(dorf.post("/api/v1/follow_requests/" + me + "/authorize", "Relationship").path("followed_by").asBoolean());
        assertTrue(relationship(dorfId).path("following").asBoolean());
        assertTrue(ids(app.list("/api/v1/accounts/" + dorfId + "/followers", "Account")).contains(me));
        assertFalse(app.post("/api/v1/accounts/" + dorfId + "/unfollow", "Relationship").path("following").asBoolean());
        assertEquals(422, app.postError("/api/v1/accounts/" + me + "/follow"), "not oneself");
        assertEquals(postsBefore, remote.received().size(), "nothing was sent");
    }

    @Test
    @Order(10)
    @DisplayName("posts of this node: favouriting sends nothing, a boost goes to the booster's followers")
    void localPosts() {
        String note = postId(node.node().services().notes.publish(node.actor("musterstadt"), "<p>Aus dem Rathaus</p>").toString());
        int postsBefore = remote.received().size();
        JsonNode liked = dorf.post("/api/v1/statuses/" + note + "/favourite", "Status");
        assertTrue(liked.path("favourited").asBoolean());
        assertEquals(List.of("beispieldorf"), accts(app.list("/api/v1/statuses/" + note + "/favourited_by", "Account")));

        JsonNode boost = dorf.post("/api/v1/statuses/" + note + "/reblog", "Status");
        assertEquals(note, boost.at("/reblog/id").asText());
        String noteIri = app.entity("/api/v1/statuses/" + note, "Status").path("uri").asText();
        JsonNode announce = SignedDeliveries.from(node, "beispieldorf", remote).await("Announce", noteIri);
        assertEquals(node.actorIri("beispieldorf").toString(), announce.path("actor").asText(), "to carla, who follows beispieldorf");
        assertEquals(postsBefore + 1, remote.received().size(), "the like went nowhere");
        assertFalse(dorf.post("/api/v1/statuses/" + note + "/unfavourite", "Status").path("favourited").asBoolean());
        assertFalse(dorf.post("/api/v1/statuses/" + note + "/unreblog", "Status").path("reblogged").asBoolean());
    }

    @Test
    @Order(11)
    @DisplayName("scopes: a read-only token may not act (403), no token is 401")
    void scopes() {
        MastodonApp reader = MastodonApp.register(node, "https://reader.example/callback", "read");
        ClientApi readOnly = new ClientApi(node, reader.login("kaemmerin", "read"));
        assertEquals(403, readOnly.postError("/api/v1/statuses/" + annasNote + "/favourite"));
        assertEquals(403, readOnly.postError("/api/v1/accounts/" + annaId + "/block"));
        assertEquals(401, new ClientApi(node, null).postError("/api/v1/statuses/" + annasNote + "/favourite"));
        assertEquals(200, readOnly.get("/api/v1/favourites").statusCode());
    }

    @Test
    @Order(12)
    @DisplayName("domain block: followers there are rejected, its posts leave the public timeline, followed accounts stay; DELETE lifts it")
    void domainBlock() {
        String host = remote.base().getHost();
        deliver(remote.follow(anna, node.actorIri("musterstadt")));
        TestNode.await("anna follows musterstadt", () -> relationship(annaId).path("followed_by").asBoolean());
        String berndsNote = postId(deliverNote(bernd, "<p>Bernd öffentlich</p>"));
        assertTrue(ids(app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));

        var blocked = app.send("POST", "/api/v1/domain_blocks", Map.of("domain", host));
        assertEquals(200, blocked.statusCode(), blocked::body);
        assertEquals("{}", blocked.body(), "an empty object, as Mastodon answers");
        assertEquals(List.of(host), strings(app.get("/api/v1/domain_blocks")));
        JsonNode rel = relationship(annaId);
        assertTrue(rel.path("domain_blocking").asBoolean());
        assertFalse(rel.path("followed_by").asBoolean(), "followers there are removed");
        assertTrue(rel.path("following").asBoolean(), "whom the municipality follows there stays");
        fromMusterstadt.await("Reject of anna's Follow", a -> a.path("type").asText().equals("Reject")
                && a.at("/object/actor").asText().equals(anna.id().toString()) && a.at("/object/object").asText().equals(node.actorIri("musterstadt").toString()));
        assertFalse(ids(app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));
        assertTrue(ids(app.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote), "a followed account's posts stay");
        String berndId = known(bernd);
        assertEquals(403, app.postError("/api/v1/accounts/" + berndId + "/follow"), "no new follows there");

        assertEquals(200, app.send("DELETE", "/api/v1/domain_blocks?domain=" + host, Map.of()).statusCode());
        assertEquals(List.of(), strings(app.get("/api/v1/domain_blocks")));
        assertTrue(ids(app.list("/api/v1/timelines/public?limit=40", "Status")).contains(berndsNote));
        assertEquals(422, app.send("POST", "/api/v1/domain_blocks", Map.of("domain", "kein domain")).statusCode());
    }

    @Test
    @Order(13)
    @DisplayName("masto.js (npm) favourites, boosts, bookmarks, follows, notes, mutes and blocks a domain, as an app does")
    void mastoJs() {
        String note = postId(deliverNote(anna, "<p>Für masto.js</p>"));
        String host = remote.base().getHost();
        JsonNode r = de.allmende.testkit.MastoJsClient.run("interactions.mjs", node.url(), app.token(), note, annaId, host);
        assertTrue(r.path("favourited").asBoolean(), r::toString);
        assertEquals("[\"musterstadt\"]", r.path("favouritedBy").toString());
        assertTrue(r.path("favourites").toString().contains(note));
        assertFalse(r.path("unfavourited").asBoolean());
        assertEquals(note, r.at("/boost/of").asText());
        assertTrue(r.at("/boost/reblogged").asBoolean());
        assertEquals("[\"musterstadt\"]", r.path("rebloggedBy").toString());
        assertFalse(r.path("unboosted").asBoolean());
        assertTrue(r.path("bookmarked").asBoolean() && r.path("bookmarks").toString().contains(note));
        assertFalse(r.path("unbookmarked").asBoolean());
        assertTrue(r.at("/followed/following").asBoolean(), "musterstadt follows anna since the first scenario");
        assertFalse(r.at("/followed/showingReblogs").asBoolean());
        assertTrue(r.at("/followed/notifying").asBoolean());
        assertEquals("Ansprechpartnerin Kultur", r.path("note").asText());
        assertTrue(r.path("muted").asBoolean() && !r.path("unmuted").asBoolean());
        assertEquals("[\"" + annaId + "\"]", r.path("mutes").toString());
        assertEquals("[\"" + host + "\"]", r.path("domains").toString());
        assertEquals("[]", r.path("domainsAfter").toString(), "masto.js's DELETE with a JSON body lifts the block");
        fromMusterstadt.await("Like", deliveredIri(note));
        fromMusterstadt.await("Announce", deliveredIri(note));
    }

    // ------------------------------------------------------------------ helpers

    /** The client API id of a remote actor, once the node knows it. */
    private static String known(FakeRemote.Actor actor) {
        node.node().services().federation.directory.actor(actor.id());
        return app.entity("/api/v1/accounts/lookup?acct=" + actor.name() + "@" + actor.id().getRawAuthority(), "Account").path("id").asText();
    }

    private static JsonNode relationship(String id) {
        return app.list("/api/v1/accounts/relationships?id[]=" + id, "Relationship").get(0);
    }

    private static void accept(FakeRemote.Actor actor, JsonNode follow) {
        ObjectNode accept = remote.activity(actor, "Accept");
        accept.set("object", follow.deepCopy());
        deliver(accept);
    }

    /** The first page of musterstadt's featured collection, as a peer fetches it. */
    private static String featured() {
        return node.get("/actors/musterstadt/featured?page=true", "application/activity+json").body();
    }

    private static String deliverNote(FakeRemote.Actor author, String html) {
        return deliverPost(author, List.of(PUBLIC), html);
    }

    private static String deliverPost(FakeRemote.Actor author, List<String> to, String html) {
        ObjectNode note = remote.note(author, html);
        var t = note.putArray("to");
        to.forEach(t::add);
        deliver(remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the post " + iri + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return iri;
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static String deliveredIri(String postId) {
        return app.entity("/api/v1/statuses/" + postId, "Status").path("uri").asText();
    }

    private static String postId(String iri) {
        return Long.toString(node.count("SELECT id FROM post WHERE iri = '" + iri + "'"));
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    private static List<String> accts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("acct").asText()));
        return out;
    }

    private static List<String> strings(java.net.http.HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        List<String> out = new ArrayList<>();
        ClientApi.json(r).forEach(e -> out.add(e.asText()));
        return out;
    }
}
