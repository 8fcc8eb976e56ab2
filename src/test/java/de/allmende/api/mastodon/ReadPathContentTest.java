package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What apps show of municipal content and boosts, and what a token without the read scopes may not read. Every
 * body is held against Mastodon's entity shapes.
 */
@DisplayName("Client API read path: municipal content as statuses, boosts as reblogs, scopes")
class ReadPathContentTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static ClientApi app;
    private static MastodonApp registered;
    private static String me;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        registered = MastodonApp.register(node, "https://app.example/callback", "read write profile");
        app = new ClientApi(node, registered.login("kaemmerin", "read"));
        me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("a project, event, lesson and working aid show as title, teaser and link; the project update in full")
    void municipalContent() {
        Showcase shown = Showcase.publish(node, node.actor("musterstadt"));
        JsonNode statuses = app.list("/api/v1/accounts/" + me + "/statuses", "Status");
        for (var c : List.of(shown.project(), shown.event(), shown.lesson(), shown.aid())) {
            JsonNode s = withUri(statuses, c.iri().toString());
            String title = node.node().services().db.dsl().fetchValue("SELECT name->>'de' FROM post WHERE iri = ?", c.iri().toString()).toString();
            String content = s.path("content").asText();
            assertTrue(content.startsWith("<p><strong>" + de.allmende.support.Html.escape(title) + "</strong></p>"), content);
            assertTrue(content.contains("<a href=\"" + s.path("url").asText() + "\""), "links to the page: " + content);
            assertEquals("", s.path("spoiler_text").asText());
            assertEquals("de", s.path("language").asText());
        }
        String update = withUri(statuses, shown.update().iri().toString()).path("content").asText();
        assertFalse(update.startsWith("<p><strong>"), "an update shows its words: " + update);
        assertFalse(update.isBlank());
        assertTrue(ids(app.list("/api/v1/timelines/public?local=true", "Status")).size() >= 5);
        // Only the working aid attaches a file (a PDF: a document, not media) — only_media still lists it, as it attaches one.
        List<String> withMedia = ids(app.list("/api/v1/accounts/" + me + "/statuses?only_media=true", "Status"));
        assertTrue(withMedia.size() < statuses.size(), "only_media leaves out posts without attachments: " + withMedia);
    }

    @Test
    @DisplayName("the municipality's boost of a peer's note is a reblog on its home timeline, left out with exclude_reblogs")
    void boosts() {
        FakeRemote.Actor anna = remote.actor("anna");
        ObjectNode create = remote.createNote(anna, "<p>Sommerfest!</p>");
        String note = create.path("object").path("id").asText();
        var answer = remote.post(URI.create(node.url() + "/inbox"), create).send();
        assertEquals(202, answer.status(), answer::toString);
        TestNode.await("the note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + note + "'") == 1);
        node.node().services().boosts.boost(node.actor("musterstadt"), URI.create(note));

        JsonNode boost = app.list("/api/v1/timelines/home", "Status").get(0);
        assertEquals(note, boost.at("/reblog/uri").asText());
        assertEquals("musterstadt", boost.at("/account/acct").asText());
        assertEquals("anna@" + anna.id().getRawAuthority(), boost.at("/reblog/account/acct").asText());
        assertTrue(boost.path("reblogged").asBoolean() && boost.at("/reblog/reblogged").asBoolean());
        assertEquals(1, boost.at("/reblog/reblogs_count").asInt());
        assertTrue(ids(app.list("/api/v1/accounts/" + me + "/statuses", "Status")).contains(boost.path("id").asText()));
        assertFalse(ids(app.list("/api/v1/accounts/" + me + "/statuses?exclude_reblogs=true", "Status")).contains(boost.path("id").asText()));
        assertFalse(ids(app.list("/api/v1/timelines/public", "Status")).contains(boost.path("id").asText()), "no boosts in public timelines");
    }

    @Test
    @DisplayName("a token with only the profile scope reads verify_credentials, nothing else (403); an app's own token: 422")
    void scopes() {
        ClientApi profileOnly = new ClientApi(node, registered.login("kaemmerin", "profile"));
        assertEquals("musterstadt", profileOnly.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("acct").asText());
        for (String path : List.of("/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/accounts/" + me,
                "/api/v1/accounts/" + me + "/statuses", "/api/v1/accounts/relationships?id[]=" + me, "/api/v1/accounts/lookup?acct=musterstadt")) {
            assertEquals(403, profileOnly.error(path), path);
        }
        var token = MastodonApp.form(node, "/oauth/token", java.util.Map.of("grant_type", "client_credentials",
                "client_id", registered.clientId, "client_secret", registered.clientSecret, "scope", "read"));
        ClientApi appItself = new ClientApi(node, ClientApi.json(token).path("access_token").asText());
        assertEquals(422, appItself.error("/api/v1/timelines/home"));
    }

    @Test
    @DisplayName("a remote account shows its icon, image, sanitised summary, lock and age from its actor document")
    void remoteProfile() {
        FakeRemote.Actor carla = remote.actor("carla");
        ObjectNode doc = carla.document();
        doc.putObject("icon").put("type", "Image").put("url", "https://cdn.example/carla.png");
        doc.putObject("image").put("type", "Image").put("url", "https://cdn.example/carla-header.jpg");
        doc.put("summary", "<p>Bürgermeisterin</p><script>alert(1)</script>").put("manuallyApprovesFollowers", true)
                .put("published", "2021-04-01T00:00:00Z");
        remote.serve("/users/carla", doc);
        ObjectNode create = remote.createNote(carla, "<p>Hallo</p>");
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), create).send().status());
        String note = create.path("object").path("id").asText();
        TestNode.await("the note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + note + "'") == 1);

        JsonNode account = app.entity("/api/v1/accounts/lookup?acct=@carla@" + carla.id().getRawAuthority(), "Account");
        assertEquals("https://cdn.example/carla.png", account.path("avatar").asText());
        assertEquals("https://cdn.example/carla-header.jpg", account.path("header").asText());
        assertEquals("<p>Bürgermeisterin</p>", account.path("note").asText());
        assertTrue(account.path("locked").asBoolean());
        assertTrue(account.path("created_at").asText().startsWith("2021-04-01T00:00:00"));
        assertEquals("Fake carla", account.path("display_name").asText());
        assertEquals(1, account.path("statuses_count").asInt());
    }

    @Test
    @DisplayName("followers page by the follow's id: limit, Link rel=next and rel=prev")
    void followersPaging() {
        URI musterstadt = node.actorIri("musterstadt");
        List<String> followers = new ArrayList<>();
        for (String name : List.of("f1", "f2", "f3")) {
            FakeRemote.Actor f = remote.actor(name);
            assertEquals(202, remote.post(URI.create(musterstadt + "/inbox"), remote.follow(f, musterstadt)).send().status());
            int expected = followers.size() + 1;
            TestNode.await(name + " follows", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted' AND follower LIKE '%/users/f%'") == expected);
            followers.addFirst("f" + expected + "@" + f.id().getRawAuthority());
        }
        var first = app.get("/api/v1/accounts/" + me + "/followers?limit=2");
        assertEquals(followers.subList(0, 2), accts(ClientApi.list(first, "Account")));
        var second = app.get(ClientApi.links(first).get("next"));
        assertEquals(followers.subList(2, 3), accts(ClientApi.list(second, "Account")));
        assertEquals(followers.subList(0, 2), accts(ClientApi.list(app.get(ClientApi.links(second).get("prev")), "Account")));
        assertEquals(3, app.entity("/api/v1/accounts/" + me, "Account").path("followers_count").asInt());
    }

    private static List<String> accts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("acct").asText()));
        return out;
    }

    private static JsonNode withUri(JsonNode statuses, String uri) {
        for (JsonNode s : statuses) if (s.path("uri").asText().equals(uri)) return s;
        throw new AssertionError("no status " + uri + " in " + statuses);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }
}
