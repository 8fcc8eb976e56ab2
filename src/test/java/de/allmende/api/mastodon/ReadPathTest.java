package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read path of the client API (issue 10, stage 2), as an app reads it with a person's token: the person's
 * municipality, a Mastodon-shaped peer it follows whose notes arrive through the inbox and show on the home
 * timeline, accounts, relationships, threads and paging. Every body is held against Mastodon's entity shapes.
 */
@DisplayName("Client API read path: accounts, statuses, timelines, paging")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadPathTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write").login("kaemmerin", "read"));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @Order(1)
    @DisplayName("verify_credentials is the municipality as a CredentialAccount, with an avatar that loads")
    void verifyCredentials() {
        JsonNode me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount");
        assertEquals("musterstadt", me.path("acct").asText());
        assertEquals(node.actorIri("musterstadt").toString(), me.path("uri").asText());
        assertEquals(200, app.get(me.path("avatar").asText()).statusCode(), "the avatar is a real picture");
        assertEquals(node.actor("musterstadt").summary().strip(), me.at("/source/note").asText(), "the profile text as its owner wrote it");
        ObjectNode plain = ((ObjectNode) me.deepCopy()).without(List.of("source", "role"));
        assertEquals(plain, app.entity("/api/v1/accounts/" + me.path("id").asText(), "Account"), "the same account by id, without source and role");
        assertEquals(me.path("id"), app.entity("/api/v1/accounts/lookup?acct=musterstadt", "Account").path("id"));
    }

    @Test
    @Order(2)
    @DisplayName("the peer's note arrives through the inbox and shows on the home timeline once the municipality follows it")
    void followedPeersNoteOnHomeTimeline() {
        URI follow = node.node().services().follows.follow(node.actor("musterstadt"), anna.id());
        ObjectNode accept = remote.activity(anna, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", node.actorIri("musterstadt").toString()).put("object", anna.id().toString());
        deliver(accept);
        TestNode.await("the follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);

        ObjectNode create = remote.createNote(anna, "<p>Grüße aus Annas Stadt <script>alert(1)</script></p>");
        String noteIri = create.path("object").path("id").asText();
        deliver(create);
        awaitPost(noteIri);

        JsonNode status = statusWithUri(app.list("/api/v1/timelines/home", "Status"), noteIri);
        assertFalse(status.path("content").asText().contains("<script"), "remote HTML is sanitised: " + status);
        assertTrue(status.path("content").asText().contains("Grüße aus Annas Stadt"));
        String acct = "anna@" + anna.id().getRawAuthority();
        assertEquals(acct, status.at("/account/acct").asText());
        assertEquals("public", status.path("visibility").asText());

        String annaId = status.at("/account/id").asText();
        assertEquals(annaId, app.entity("/api/v1/accounts/lookup?acct=" + acct, "Account").path("id").asText());
        assertEquals(status, app.entity("/api/v1/statuses/" + status.path("id").asText(), "Status"));
        JsonNode rel = app.list("/api/v1/accounts/relationships?id[]=" + annaId + "&id[]=424242", "Relationship");
        assertEquals(1, rel.size(), "unknown ids are left out");
        assertTrue(rel.get(0).path("following").asBoolean());
        assertFalse(rel.get(0).path("followed_by").asBoolean());

        String me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        assertEquals(List.of(annaId), ids(app.list("/api/v1/accounts/" + me + "/following", "Account")));
        assertEquals(List.of(), ids(app.list("/api/v1/accounts/" + annaId + "/following", "Account")));
        assertEquals(List.of(me), ids(app.list("/api/v1/accounts/" + annaId + "/followers", "Account")));
        assertTrue(ids(app.list("/api/v1/accounts/" + annaId + "/statuses", "Status")).contains(status.path("id").asText()));
        assertEquals(List.of(), ids(app.list("/api/v1/accounts/" + annaId + "/statuses?pinned=true", "Status")));
        assertTrue(ids(app.list("/api/v1/timelines/public?remote=true", "Status")).contains(status.path("id").asText()));
        assertFalse(ids(app.list("/api/v1/timelines/public?local=true", "Status")).contains(status.path("id").asText()));
    }

    @Test
    @Order(3)
    @DisplayName("followers-only and direct posts show only to whom they are addressed")
    void visibility() {
        FakeRemote.Actor bernd = remote.actor("bernd");
        URI musterstadt = node.actorIri("musterstadt");
        // bernd, whom nobody here follows: followers-only, addressed to someone else
        String strangersFollowersOnly = post(bernd, List.of(bernd.id() + "/followers"), List.of("https://elsewhere.example/users/x"), null);
        // anna, whom musterstadt follows: to her followers (visible), to another person only (not), to musterstadt (visible)
        String annasFollowersOnly = post(anna, List.of(anna.id() + "/followers"), List.of(), null);
        String annasDirectToOther = post(anna, List.of("https://elsewhere.example/users/x"), List.of(), null);
        String annasDirectToUs = post(anna, List.of(musterstadt.toString()), List.of(), null);

        List<String> home = uris(app.list("/api/v1/timelines/home?limit=40", "Status"));
        assertTrue(home.contains(annasFollowersOnly) && home.contains(annasDirectToUs), home.toString());
        assertFalse(home.contains(annasDirectToOther), "a direct message to someone else never shows");
        assertFalse(home.contains(strangersFollowersOnly));
        for (String hidden : List.of(strangersFollowersOnly, annasDirectToOther)) {
            long id = node.count("SELECT id FROM post WHERE iri = '" + hidden + "'");
            assertEquals(404, app.error("/api/v1/statuses/" + id), hidden);
            assertEquals(404, app.error("/api/v1/statuses/" + id + "/context"), hidden);
            long author = node.count("SELECT author_id FROM post WHERE iri = '" + hidden + "'");
            assertFalse(uris(app.list("/api/v1/accounts/" + author + "/statuses", "Status")).contains(hidden));
            assertFalse(uris(app.list("/api/v1/timelines/public?limit=40", "Status")).contains(hidden));
        }
        assertEquals("direct", app.entity("/api/v1/statuses/" + node.count("SELECT id FROM post WHERE iri = '" + annasDirectToUs + "'"),
                "Status").path("visibility").asText());
    }

    @Test
    @Order(4)
    @DisplayName("a thread: the peer's reply to our note is its descendant, our note the reply's ancestor")
    void context() {
        URI ours = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Bürgerversammlung am Montag</p>");
        String reply = post(anna, List.of("https://www.w3.org/ns/activitystreams#Public"), List.of(node.actorIri("musterstadt").toString()),
                ours.toString());
        long oursId = node.count("SELECT id FROM post WHERE iri = '" + ours + "'");
        long replyId = node.count("SELECT id FROM post WHERE iri = '" + reply + "'");
        JsonNode down = app.entity("/api/v1/statuses/" + oursId + "/context", "Context");
        assertEquals(List.of(Long.toString(replyId)), ids(down.path("descendants")));
        JsonNode up = app.entity("/api/v1/statuses/" + replyId + "/context", "Context");
        assertEquals(List.of(Long.toString(oursId)), ids(up.path("ancestors")));
        JsonNode replyStatus = app.entity("/api/v1/statuses/" + replyId, "Status");
        assertEquals(Long.toString(oursId), replyStatus.path("in_reply_to_id").asText());
        assertEquals(1, app.entity("/api/v1/statuses/" + oursId, "Status").path("replies_count").asInt());
    }

    @Test
    @Order(5)
    @DisplayName("paging: limit, Link rel=next (max_id) and rel=prev (min_id), since_id; unknown ids are 404")
    void paging() {
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            published.add(node.node().services().notes.publish(node.actor("musterstadt"), "<p>Mitteilung " + i + "</p>").toString());
        }
        String me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        var first = app.get("/api/v1/accounts/" + me + "/statuses?limit=2&exclude_replies=true");
        assertEquals(published.reversed().subList(0, 2), uris(ClientApi.list(first, "Status")));
        String next = ClientApi.links(first).get("next");
        assertTrue(next.startsWith(node.publicUrl() + "/api/v1/accounts/" + me + "/statuses?max_id="), next);
        assertTrue(next.contains("limit=2") && next.contains("exclude_replies=true"), "other parameters are kept: " + next);
        var second = app.get(next);
        assertEquals(published.reversed().subList(2, 4), uris(ClientApi.list(second, "Status")));
        var back = app.get(ClientApi.links(second).get("prev"));
        assertEquals(published.reversed().subList(0, 2), uris(ClientApi.list(back, "Status")), "min_id: the page right above");
        String third = ids(ClientApi.list(second, "Status")).get(0);
        assertEquals(published.reversed().subList(0, 2),
                uris(app.list("/api/v1/accounts/" + me + "/statuses?since_id=" + third, "Status")), "since_id: newer, newest first");

        var home = app.get("/api/v1/timelines/home?limit=3");
        assertEquals(published.reversed().subList(0, 3), uris(ClientApi.list(home, "Status")));
        assertTrue(ClientApi.links(home).containsKey("next"));
        var empty = app.get("/api/v1/timelines/home?since_id=" + Long.MAX_VALUE / 2);
        assertEquals(0, ClientApi.list(empty, "Status").size());
        assertTrue(ClientApi.links(empty).isEmpty(), "no Link header for an empty page");

        for (String unknown : List.of("/api/v1/statuses/1", "/api/v1/statuses/1/context", "/api/v1/accounts/1",
                "/api/v1/accounts/1/statuses", "/api/v1/accounts/1/followers", "/api/v1/accounts/lookup?acct=niemand",
                "/api/v1/accounts/lookup?acct=niemand@nowhere.example", "/api/v1/statuses/not-an-id", "/api/v1/statuses/9999999999999999999")) {
            assertEquals(404, app.error(unknown), unknown);
        }
        assertEquals(400, app.error("/api/v1/timelines/home?max_id=abc"));
        assertEquals(401, new ClientApi(node, null).error("/api/v1/timelines/home"));
    }

    @Test
    @Order(6)
    @DisplayName("masto.js (npm) reads verify_credentials, the home timeline page by page (Link headers), a thread and relationships")
    void mastoJs() {
        List<String> home = new ArrayList<>();
        for (JsonNode page = app.list("/api/v1/timelines/home?limit=40", "Status"); !page.isEmpty();
             page = app.list("/api/v1/timelines/home?limit=40&max_id=" + home.getLast(), "Status")) {
            home.addAll(ids(page));
        }
        String acct = "anna@" + anna.id().getRawAuthority();
        JsonNode r = de.allmende.testkit.MastoJsClient.run("timeline.mjs", node.url(), app.token(), acct);
        assertEquals("musterstadt", r.at("/me/acct").asText(), r.toString());
        assertEquals("public", r.at("/me/privacy").asText());
        List<String> paged = new ArrayList<>();
        r.path("pages").forEach(page -> page.forEach(id -> paged.add(id.asText())));
        assertEquals(home.subList(0, Math.min(home.size(), 20)), paged, "masto.js walks the pages by their Link headers");
        assertEquals(home.getFirst(), r.at("/newest/id").asText());
        assertEquals(acct, r.at("/other/acct").asText());
        assertTrue(r.path("following").asBoolean());
    }

    private static String post(FakeRemote.Actor author, List<String> to, List<String> cc, String inReplyTo) {
        ObjectNode note = remote.note(author, "<p>Nachricht von " + author.name() + "</p>");
        var t = note.putArray("to");
        to.forEach(t::add);
        var c = note.putArray("cc");
        cc.forEach(c::add);
        if (inReplyTo != null) note.put("inReplyTo", inReplyTo);
        ObjectNode create = remote.create(author, note);
        deliver(create);
        awaitPost(note.path("id").asText());
        return note.path("id").asText();
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static void awaitPost(String iri) {
        TestNode.await("the post " + iri + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
    }

    private static JsonNode statusWithUri(JsonNode statuses, String uri) {
        for (JsonNode s : statuses) if (s.path("uri").asText().equals(uri)) return s;
        throw new AssertionError("no status " + uri + " in " + statuses);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    private static List<String> uris(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("uri").asText()));
        return out;
    }
}
