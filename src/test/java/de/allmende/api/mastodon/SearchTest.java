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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search v2 (issue 10) as staff use it from their app to find and follow a peer: local accounts by handle and name,
 * a remote actor by {@code @user@host} (WebFinger, then a signed fetch) or by its profile URL, a remote post by its
 * URL, and the words of posts the municipality may see. Every answer is Mastodon's Search entity; a resolved account
 * or status has an id the other endpoints accept.
 */
@DisplayName("Client API search v2: accounts (resolved by handle and URL), statuses (by URL and by words), hashtags")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        remote = FakeRemote.start();
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read").login("kaemmerin", "read"));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @Order(1)
    @DisplayName("local accounts by the start of their handle and by a part of their name; v1 accounts/search the same")
    void localAccounts() {
        assertEquals(List.of("musterstadt"), accts(search("muster", "").path("accounts")));
        assertEquals(List.of("beispieldorf"), accts(search("Gemeinde Beispiel", "&type=accounts").path("accounts")));
        assertEquals(List.of("musterstadt"), accts(app.list("/api/v1/accounts/search?q=MUSTER", "Account")));
        assertEquals(List.of(), accts(search("%", "").path("accounts")), "LIKE's wildcards are plain characters");
        JsonNode all = search("muster", "");
        assertEquals(0, all.path("hashtags").size());
    }

    @Test
    @Order(2)
    @DisplayName("@user@host: unknown without resolve; with resolve=true found through WebFinger and a signed fetch, and known from then on")
    void remoteByHandle() {
        FakeRemote.Actor anna = remote.actor("anna");
        String handle = "@anna@" + anna.id().getRawAuthority();
        assertEquals(List.of(), accts(search(handle, "").path("accounts")), "not resolved unless asked");
        JsonNode found = search(handle, "&resolve=true&type=accounts").path("accounts");
        assertEquals(List.of(handle.substring(1)), accts(found));
        assertTrue(remote.fetches("/.well-known/webfinger") >= 1, "WebFinger was asked");
        assertTrue(remote.received().stream().anyMatch(r -> r.path().equals("/users/anna") && r.hasHeader("Signature")),
                "the actor was fetched with a signature");
        String id = found.get(0).path("id").asText();
        assertEquals(handle.substring(1), app.entity("/api/v1/accounts/" + id, "Account").path("acct").asText());
        assertEquals(id, app.entity("/api/v1/accounts/lookup?acct=" + enc(handle.substring(1)), "Account").path("id").asText());
        assertEquals(List.of(id), ids(app.list("/api/v1/accounts/search?resolve=true&q=" + enc(handle), "Account")));
        assertEquals(List.of(), accts(search("@niemand@" + anna.id().getRawAuthority(), "&resolve=true").path("accounts")),
                "no such account: an empty result, not an error");
    }

    @Test
    @Order(3)
    @DisplayName("a profile URL (not the actor's id) with resolve=true: the actor under its id")
    void remoteByProfileUrl() {
        FakeRemote.Actor carla = remote.actor("carla");
        JsonNode found = search(remote.base() + "/@carla", "&resolve=true").path("accounts");
        assertEquals(List.of("carla@" + carla.id().getRawAuthority()), accts(found));
        assertEquals(carla.id().toString(), found.get(0).path("uri").asText());
        assertEquals(carla.id().toString(), app.entity("/api/v1/accounts/" + found.get(0).path("id").asText(), "Account")
                .path("uri").asText());
    }

    @Test
    @Order(4)
    @DisplayName("a post's URL with resolve=true: fetched, kept and shown as a status with an id statuses/:id accepts")
    void remotePostByUrl() {
        FakeRemote.Actor anna = remote.actor("anna");
        ObjectNode note = remote.note(anna, "<p>Unser Beteiligungshaushalt startet</p>");
        note.put("@context", "https://www.w3.org/ns/activitystreams");
        String iri = note.path("id").asText();
        remote.serve(URI.create(iri).getRawPath(), note);
        assertEquals(0, search(iri, "&type=statuses").path("statuses").size(), "an unknown URL is not fetched unless asked");
        JsonNode statuses = search(iri, "&resolve=true&type=statuses").path("statuses");
        assertEquals(List.of(iri), uris(statuses));
        JsonNode status = app.entity("/api/v1/statuses/" + statuses.get(0).path("id").asText(), "Status");
        assertTrue(status.path("content").asText().contains("Beteiligungshaushalt"));
        assertEquals(List.of(iri), uris(search(iri, "").path("statuses")), "known from then on, without resolve");
    }

    @Test
    @Order(5)
    @DisplayName("words: posts the municipality may see (its own, public ones), never a direct message to someone else")
    void statusWords() {
        URI ours = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Der Radweg an der Bahnhofstraße ist eröffnet</p>");
        FakeRemote.Actor anna = remote.actor("anna");
        ObjectNode secret = remote.note(anna, "<p>Geheimer Radweg</p>");
        secret.putArray("to").add("https://elsewhere.example/users/x");
        secret.putArray("cc");
        remote.post(URI.create(node.url() + "/inbox"), remote.create(anna, secret)).send();
        TestNode.await("the direct message is stored", () -> node.count(
                "SELECT count(*) FROM post WHERE iri = '" + secret.path("id").asText() + "'") == 1);
        // Statuses are found through the search index, which its consumer writes just after the post is stored.
        TestNode.await("the post is indexed", () -> node.count("SELECT count(*) FROM search_document d JOIN post p ON p.id = d.post_id"
                + " WHERE p.iri = '" + ours + "'") == 1);
        assertEquals(List.of(ours.toString()), uris(search("radweg", "&type=statuses").path("statuses")));
        assertEquals(List.of(ours.toString()), uris(search("Radweg Bahnhofstraße", "").path("statuses")));
        assertEquals(List.of(), uris(search("Radweg Rathaus", "").path("statuses")), "every word must match");
    }

    @Test
    @Order(6)
    @DisplayName("a blocked server is never asked: its handles and URLs resolve to nothing")
    void blockedServer() {
        try (FakeRemote blocked = FakeRemote.start()) {
            blocked.actor("eve");
            node.node().services().moderation.blockDomain(blocked.base().getRawAuthority());
            assertEquals(0, search("@eve@" + blocked.base().getRawAuthority(), "&resolve=true").path("accounts").size());
            assertEquals(0, search(blocked.base() + "/users/eve", "&resolve=true").path("accounts").size());
            assertEquals(List.of(), blocked.received(), "no request reached it");
        }
    }

    @Test
    @Order(7)
    @DisplayName("bad requests are 400, no token is 401, a token without read:search 403 (granular scopes: read:notifications reads notifications only)")
    void refusals() {
        ClientApi notificationsOnly = new ClientApi(node, MastodonApp.register(node, "https://app.example/n", "read:notifications")
                .login("kaemmerin", "read:notifications"));
        assertEquals(403, notificationsOnly.error("/api/v2/search?q=x"));
        assertEquals(403, notificationsOnly.error("/api/v1/accounts/search?q=x"));
        assertEquals(0, notificationsOnly.list("/api/v1/notifications", "Notification").size());
        assertEquals(400, app.error("/api/v2/search"));
        assertEquals(400, app.error("/api/v2/search?q=x&type=tags"));
        assertEquals(401, new ClientApi(node, null).error("/api/v2/search?q=x"));
        assertEquals(401, new ClientApi(node, null).error("/api/v1/accounts/search?q=x"));
    }

    private static JsonNode search(String q, String more) {
        return app.entity("/api/v2/search?q=" + enc(q) + more, "Search");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> accts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.path("acct").asText()));
        return out;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.path("id").asText()));
        return out;
    }

    private static List<String> uris(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.path("uri").asText()));
        return out;
    }
}
