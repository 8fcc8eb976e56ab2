package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.allmende.testkit.AppScenario.PUBLIC;
import static de.allmende.testkit.AppScenario.accts;
import static de.allmende.testkit.AppScenario.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a municipality does to statuses from its Mastodon app (issue 10): favourite, boost, bookmark and pin a
 * Mastodon-shaped peer's posts and its own, and undo each. Likes and boosts reach the peer's inbox with a signature
 * that holds; every body is held against Mastodon's entity shapes; masto.js does the same as an app.
 */
@DisplayName("Client API: favourites, boosts, bookmarks, pins")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusInteractionsTest {
    private static AppScenario s;
    private static String annaId;
    private static String annasNote;
    private static String annasNoteIri;

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
    @DisplayName("favourite a peer's post: the Like arrives signed, favourited_by and favourites list it; unfavourite sends the Undo")
    void favourite() {
        annasNoteIri = s.deliverNote(s.anna, "<p>Stadtfest am Samstag</p>");
        annasNote = s.postId(annasNoteIri);
        JsonNode faved = s.app.post("/api/v1/statuses/" + annasNote + "/favourite", "Status");
        assertTrue(faved.path("favourited").asBoolean());
        assertEquals(1, faved.path("favourites_count").asInt());
        JsonNode like = s.fromMusterstadt.await("Like", annasNoteIri);
        assertEquals(s.node.actorIri("musterstadt").toString(), like.path("actor").asText());
        assertEquals(1, s.app.post("/api/v1/statuses/" + annasNote + "/favourite", "Status").path("favourites_count").asInt(),
                "favouriting twice is one favourite");

        assertEquals(List.of("musterstadt"), accts(s.app.list("/api/v1/statuses/" + annasNote + "/favourited_by", "Account")));
        s.dorf.post("/api/v1/statuses/" + annasNote + "/favourite", "Status");
        var newest = s.app.get("/api/v1/statuses/" + annasNote + "/favourited_by?limit=1");
        assertEquals(List.of("beispieldorf"), accts(ClientApi.list(newest, "Account")), "newest first, one per page");
        assertEquals(List.of("musterstadt"), accts(ClientApi.list(s.app.get(ClientApi.links(newest).get("next")), "Account")));
        s.dorf.post("/api/v1/statuses/" + annasNote + "/unfavourite", "Status");
        assertEquals(List.of(annasNote), ids(s.app.list("/api/v1/favourites", "Status")));

        JsonNode undone = s.app.post("/api/v1/statuses/" + annasNote + "/unfavourite", "Status");
        assertFalse(undone.path("favourited").asBoolean());
        assertEquals(0, undone.path("favourites_count").asInt());
        JsonNode undo = s.fromMusterstadt.await("Undo", "Like");
        assertEquals(like.path("id").asText(), undo.at("/object/id").asText(), "the Undo names the Like");
        assertEquals(200, s.app.sendFields("POST", "/api/v1/statuses/" + annasNote + "/unfavourite", Map.of()).statusCode(), "undoing twice is fine");
        assertEquals(List.of(), ids(s.app.list("/api/v1/favourites", "Status")));
    }

    @Test
    @Order(2)
    @DisplayName("reblog: the answer is the boost wrapping the post, the Announce arrives signed; unreblog sends the Undo")
    void reblog() {
        JsonNode boost = s.app.post("/api/v1/statuses/" + annasNote + "/reblog", "Status");
        assertNotEquals(annasNote, boost.path("id").asText());
        assertEquals(annasNote, boost.at("/reblog/id").asText());
        assertEquals("musterstadt", boost.at("/account/acct").asText());
        assertTrue(boost.path("reblogged").asBoolean() && boost.at("/reblog/reblogged").asBoolean());
        assertEquals(1, boost.at("/reblog/reblogs_count").asInt());
        JsonNode announce = s.fromMusterstadt.await("Announce", annasNoteIri);
        assertTrue(announce.path("to").toString().contains(PUBLIC));
        assertEquals(List.of("musterstadt"), accts(s.app.list("/api/v1/statuses/" + annasNote + "/reblogged_by", "Account")));
        assertTrue(ids(s.app.list("/api/v1/timelines/home", "Status")).contains(boost.path("id").asText()));

        JsonNode undone = s.app.post("/api/v1/statuses/" + annasNote + "/unreblog", "Status");
        assertEquals(annasNote, undone.path("id").asText());
        assertFalse(undone.path("reblogged").asBoolean());
        assertEquals(announce.path("id").asText(), s.fromMusterstadt.await("Undo", "Announce").at("/object/id").asText());
        assertFalse(ids(s.app.list("/api/v1/timelines/home", "Status")).contains(boost.path("id").asText()));

        String direct = s.deliverPost(s.anna, List.of(s.node.actorIri("musterstadt").toString()), "<p>Nur für Musterstadt</p>");
        assertEquals(403, s.app.postError("/api/v1/statuses/" + s.postId(direct) + "/reblog"), "a direct message is not boosted");
        assertEquals(404, s.dorf.postError("/api/v1/statuses/" + s.postId(direct) + "/favourite"), "another municipality's token sees nothing");
        assertEquals(404, s.dorf.error("/api/v1/statuses/" + s.postId(direct) + "/favourited_by"));
        assertEquals(404, s.app.postError("/api/v1/statuses/424242/bookmark"));
    }

    @Test
    @Order(3)
    @DisplayName("bookmarks: flagged on the status, listed newest first and paged by Link headers")
    void bookmarks() {
        List<String> marked = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = s.postId(s.deliverNote(s.anna, "<p>Merkzettel " + i + "</p>"));
            assertTrue(s.app.post("/api/v1/statuses/" + id + "/bookmark", "Status").path("bookmarked").asBoolean());
            marked.addFirst(id);
        }
        var first = s.app.get("/api/v1/bookmarks?limit=2");
        assertEquals(marked.subList(0, 2), ids(ClientApi.list(first, "Status")));
        var second = s.app.get(ClientApi.links(first).get("next"));
        assertEquals(marked.subList(2, 3), ids(ClientApi.list(second, "Status")));
        assertEquals(marked.subList(0, 2), ids(ClientApi.list(s.app.get(ClientApi.links(second).get("prev")), "Status")));

        assertFalse(s.app.post("/api/v1/statuses/" + marked.get(1) + "/unbookmark", "Status").path("bookmarked").asBoolean());
        assertEquals(List.of(marked.get(0), marked.get(2)), ids(s.app.list("/api/v1/bookmarks", "Status")));
        assertEquals(List.of(), ids(s.dorf.list("/api/v1/bookmarks", "Status")), "bookmarks are the municipality's own");
    }

    @Test
    @Order(4)
    @DisplayName("pins: own public posts only, at most five, shown by statuses?pinned=true and in the featured collection; Add and Remove to followers")
    void pins() {
        String me = s.app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        s.deliver(s.remote.follow(s.anna, s.node.actorIri("musterstadt")));
        TestNode.await("anna follows musterstadt", () -> s.relationship(annaId).path("followed_by").asBoolean());
        String id = s.publish("<p>Unser Leitbild</p>");
        String ours = deliveredIri(id);
        assertTrue(s.app.post("/api/v1/statuses/" + id + "/pin", "Status").path("pinned").asBoolean());
        String featuredIri = s.node.actorIri("musterstadt") + "/featured";
        JsonNode add = s.fromMusterstadt.await("Add", ours);
        assertEquals(featuredIri, add.path("target").asText(), "followers learn of the pin as Mastodon tells them");
        assertEquals(List.of(id), ids(s.app.list("/api/v1/accounts/" + me + "/statuses?pinned=true", "Status")));
        assertTrue(featured().contains(ours), "the featured collection lists it");
        assertEquals(422, s.app.postError("/api/v1/statuses/" + annasNote + "/pin"), "someone else's post");
        assertEquals(422, s.dorf.postError("/api/v1/statuses/" + id + "/pin"), "another municipality's post");

        for (int i = 0; i < 4; i++) {
            String more = s.publish("<p>Wichtig " + i + "</p>");
            s.app.post("/api/v1/statuses/" + more + "/pin", "Status");
        }
        String sixth = s.publish("<p>Zu viel</p>");
        assertEquals(422, s.app.postError("/api/v1/statuses/" + sixth + "/pin"), "five pins at most");

        assertFalse(s.app.post("/api/v1/statuses/" + id + "/unpin", "Status").path("pinned").asBoolean());
        assertEquals(featuredIri, s.fromMusterstadt.await("Remove", ours).path("target").asText());
        assertFalse(ids(s.app.list("/api/v1/accounts/" + me + "/statuses?pinned=true", "Status")).contains(id));
        assertFalse(featured().contains(ours));
    }

    @Test
    @Order(5)
    @DisplayName("posts of this node: favouriting sends nothing, a boost goes to the booster's followers")
    void localPosts() {
        // carla follows beispieldorf, which approves her.
        String carlaId = s.known(s.carla);
        s.deliver(s.remote.follow(s.carla, s.node.actorIri("beispieldorf")));
        TestNode.await("carla asks beispieldorf", () -> ids(s.dorf.list("/api/v1/follow_requests", "Account")).contains(carlaId));
        s.dorf.post("/api/v1/follow_requests/" + carlaId + "/authorize", "Relationship");
        s.fromBeispieldorf.await("Accept of carla's Follow", a -> a.path("type").asText().equals("Accept"));
        String note = s.publish("<p>Aus dem Rathaus</p>");
        JsonNode liked = s.dorf.post("/api/v1/statuses/" + note + "/favourite", "Status");
        assertTrue(liked.path("favourited").asBoolean());
        assertEquals(List.of("beispieldorf"), accts(s.app.list("/api/v1/statuses/" + note + "/favourited_by", "Account")));

        JsonNode boost = s.dorf.post("/api/v1/statuses/" + note + "/reblog", "Status");
        assertEquals(note, boost.at("/reblog/id").asText());
        String noteIri = s.app.entity("/api/v1/statuses/" + note, "Status").path("uri").asText();
        JsonNode announce = s.fromBeispieldorf.await("Announce", noteIri);
        assertEquals(s.node.actorIri("beispieldorf").toString(), announce.path("actor").asText(), "to carla, who follows beispieldorf");
        String dorfIri = s.node.actorIri("beispieldorf").toString();
        assertTrue(s.remote.received().stream().map(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .noneMatch(b -> b.contains("\"Like\"") && b.contains(dorfIri) && b.contains(noteIri)), "the like went nowhere");
        assertFalse(s.dorf.post("/api/v1/statuses/" + note + "/unfavourite", "Status").path("favourited").asBoolean());
        assertFalse(s.dorf.post("/api/v1/statuses/" + note + "/unreblog", "Status").path("reblogged").asBoolean());
    }

    @Test
    @Order(6)
    @DisplayName("masto.js (npm) favourites, boosts, bookmarks, follows, notes, mutes and blocks a domain, as an app does")
    void mastoJs() {
        String note = s.postId(s.deliverNote(s.anna, "<p>Für masto.js</p>"));
        String host = s.remote.base().getHost();
        JsonNode r = de.allmende.testkit.MastoJsClient.run("interactions.mjs", s.node.url(), s.app.token(), note, annaId, host);
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
        assertTrue(r.at("/followed/requested").asBoolean(), "asked, until anna accepts");
        assertFalse(r.at("/followed/showingReblogs").asBoolean());
        assertTrue(r.at("/followed/notifying").asBoolean());
        assertEquals("Ansprechpartnerin Kultur", r.path("note").asText());
        assertTrue(r.path("muted").asBoolean() && !r.path("unmuted").asBoolean());
        assertEquals("[\"" + annaId + "\"]", r.path("mutes").toString());
        assertEquals("[\"" + host + "\"]", r.path("domains").toString());
        assertEquals("[]", r.path("domainsAfter").toString(), "masto.js's DELETE with a JSON body lifts the block");
        s.fromMusterstadt.await("Like", deliveredIri(note));
        s.fromMusterstadt.await("Announce", deliveredIri(note));
    }

    /** The first page of musterstadt's featured collection, as a peer fetches it. */
    private static String featured() {
        return s.node.get("/actors/musterstadt/featured?page=true", "application/activity+json").body();
    }

    private static String deliveredIri(String postId) {
        return s.app.entity("/api/v1/statuses/" + postId, "Status").path("uri").asText();
    }
}
