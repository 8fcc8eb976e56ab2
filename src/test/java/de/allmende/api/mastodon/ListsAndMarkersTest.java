package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What apps call at start-up and to organise reading (issue 10): timeline markers, kept per person and municipality,
 * and the municipality's lists of accounts it follows, with members and a list timeline paged like home. Another
 * municipality's token finds none of it. Every body is held against Mastodon's entity shapes.
 */
@DisplayName("Client API: markers and lists")
class ListsAndMarkersTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static MastodonApp app;
    private static ClientApi erika;
    private static ClientApi hans;
    private static ClientApi bodo;
    private static String annaId;
    private static String annasNote;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "hans", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "bodo", "beispieldorf", Role.EDITOR);
        app = MastodonApp.register(node, "https://app.example/callback", "read write");
        erika = new ClientApi(node, app.login("erika", "read write"));
        hans = new ClientApi(node, app.login("hans", "read write"));
        bodo = new ClientApi(node, app.login("bodo", "read write"));
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        URI follow = node.node().services().follows.follow(node.actor("musterstadt"), anna.id());
        ObjectNode accept = remote.activity(anna, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", node.actorIri("musterstadt").toString()).put("object", anna.id().toString());
        deliver(accept);
        TestNode.await("the follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
        ObjectNode create = remote.createNote(anna, "<p>Neues aus Annas Stadt</p>");
        deliver(create);
        String iri = create.path("object").path("id").asText();
        TestNode.await("anna's note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        annasNote = Long.toString(node.count("SELECT id FROM post WHERE iri = '" + iri + "'"));
        annaId = erika.entity("/api/v1/accounts/lookup?acct=anna@" + anna.id().getRawAuthority(), "Account").path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("markers: none at first; saved from a form and from JSON, the version grows; each person keeps their own")
    void markers() {
        assertEquals(0, ClientApi.ok(erika.get("/api/v1/markers?timeline[]=home&timeline[]=notifications")).size());
        var form = MastodonApp.form(node, "/api/v1/markers", Map.of("home[last_read_id]", annasNote));
        assertEquals(401, form.statusCode(), "a token is needed");
        JsonNode saved = ClientApi.ok(erika.form("POST", "/api/v1/markers", "home%5Blast_read_id%5D=" + annasNote));
        MastodonEntities.assertShape("Marker", saved.path("home"));
        assertEquals(annasNote, saved.at("/home/last_read_id").asText());
        int version = saved.at("/home/version").asInt();

        JsonNode again = ClientApi.ok(erika.send("POST", "/api/v1/markers", "{\"home\":{\"last_read_id\":\"" + annasNote + "\"},"
                + "\"notifications\":{\"last_read_id\":\"7\"}}"));
        assertEquals(version + 1, again.at("/home/version").asInt(), "each save counts up");
        MastodonEntities.assertShape("Marker", again.path("notifications"));

        JsonNode both = ClientApi.ok(erika.get("/api/v1/markers?timeline[]=home&timeline[]=notifications"));
        assertEquals(List.of("home", "notifications"), fields(both));
        both.forEach(m -> MastodonEntities.assertShape("Marker", m));
        assertEquals(List.of("home"), fields(ClientApi.ok(erika.get("/api/v1/markers?timeline[]=home"))));
        assertEquals(0, ClientApi.ok(hans.get("/api/v1/markers?timeline[]=home")).size(), "a colleague keeps their own place");
        assertEquals(0, ClientApi.ok(bodo.get("/api/v1/markers?timeline[]=home")).size());
        assertEquals(422, erika.error("POST", "/api/v1/markers", "{\"home\":{\"last_read_id\":\"abc\"}}"));
        assertEquals(400, erika.error("POST", "/api/v1/markers", "{}"));
    }

    @Test
    @DisplayName("lists: create, read, rename, members (only followed accounts), the list timeline with Link headers, delete")
    void lists() {
        JsonNode list = erika.entity("POST", "/api/v1/lists", "{\"title\":\"Partnerstädte\",\"replies_policy\":\"none\"}", "List");
        String id = list.path("id").asText();
        assertEquals("Partnerstädte", list.path("title").asText());
        assertEquals("none", list.path("replies_policy").asText());
        assertFalse(list.path("exclusive").asBoolean());
        assertTrue(ids(erika.list("/api/v1/lists", "List")).contains(id));
        assertEquals(list, hans.entity("/api/v1/lists/" + id, "List"), "the municipality's list, for each of its people");
        JsonNode renamed = erika.entity("PUT", "/api/v1/lists/" + id, "{\"title\":\"Nachbarn\"}", "List");
        assertEquals("Nachbarn", renamed.path("title").asText());
        assertEquals("none", renamed.path("replies_policy").asText(), "what the call leaves out stays");

        assertEquals(0, erika.list("/api/v1/lists/" + id + "/accounts", "Account").size());
        ClientApi.ok(erika.send("POST", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"" + annaId + "\"]}"));
        assertEquals(List.of(annaId), ids(erika.list("/api/v1/lists/" + id + "/accounts", "Account")));
        assertEquals(List.of(id), ids(erika.list("/api/v1/accounts/" + annaId + "/lists", "List")));
        String stranger = remoteAccountNobodyFollows();
        assertEquals(422, erika.error("POST", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"" + stranger + "\"]}"),
                "only accounts the municipality follows");
        assertEquals(404, erika.error("POST", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"4242424242\"]}"));

        var page = erika.get("/api/v1/timelines/list/" + id + "?limit=1");
        assertEquals(List.of(annasNote), ids(ClientApi.list(page, "Status")), "the followed peer's post");
        assertTrue(ClientApi.links(page).get("next").contains("/api/v1/timelines/list/" + id + "?max_id="), page.headers().toString());

        // Removed as masto.js asks (a JSON body with the DELETE), then as some scripts do (in the query).
        ClientApi.ok(erika.send("DELETE", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"" + annaId + "\"]}"));
        assertEquals(0, erika.list("/api/v1/lists/" + id + "/accounts", "Account").size());
        ClientApi.ok(erika.send("POST", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"" + annaId + "\"]}"));
        ClientApi.ok(erika.send("DELETE", "/api/v1/lists/" + id + "/accounts?account_ids[]=" + annaId, null));
        assertEquals(0, erika.list("/api/v1/lists/" + id + "/accounts", "Account").size());
        assertEquals(0, erika.list("/api/v1/timelines/list/" + id, "Status").size());
        ClientApi.ok(erika.send("DELETE", "/api/v1/lists/" + id, null));
        assertEquals(404, erika.error("/api/v1/lists/" + id));
    }

    @Test
    @DisplayName("an exclusive list takes its members' posts off the home timeline")
    void exclusiveList() {
        String id = erika.entity("POST", "/api/v1/lists", "{\"title\":\"Nur hier\",\"exclusive\":true}", "List").path("id").asText();
        ClientApi.ok(erika.send("POST", "/api/v1/lists/" + id + "/accounts", "{\"account_ids\":[\"" + annaId + "\"]}"));
        assertFalse(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        assertTrue(ids(erika.list("/api/v1/timelines/list/" + id, "Status")).contains(annasNote));
        erika.entity("PUT", "/api/v1/lists/" + id, "{\"exclusive\":false}", "List");
        assertTrue(ids(erika.list("/api/v1/timelines/home?limit=40", "Status")).contains(annasNote));
        ClientApi.ok(erika.send("DELETE", "/api/v1/lists/" + id, null));
    }

    @Test
    @DisplayName("another municipality's list is 404 to its token, as one that does not exist; its own lists are its own")
    void otherMunicipality() {
        String id = erika.entity("POST", "/api/v1/lists", "{\"title\":\"Intern\"}", "List").path("id").asText();
        for (String path : List.of("/api/v1/lists/" + id, "/api/v1/lists/" + id + "/accounts", "/api/v1/timelines/list/" + id)) {
            assertEquals(404, bodo.error(path), path);
        }
        assertEquals(404, bodo.error("PUT", "/api/v1/lists/" + id, "{\"title\":\"Gekapert\"}"));
        assertEquals(404, bodo.error("DELETE", "/api/v1/lists/" + id, null));
        assertFalse(ids(bodo.list("/api/v1/lists", "List")).contains(id));
        assertEquals("Intern", erika.entity("/api/v1/lists/" + id, "List").path("title").asText(), "untouched");
        assertEquals(422, erika.error("POST", "/api/v1/lists", "{\"title\":\"  \"}"));
        assertEquals(422, erika.error("POST", "/api/v1/lists", "{\"title\":\"x\",\"replies_policy\":\"alle\"}"));
    }

    @Test
    @DisplayName("masto.js (npm) saves and reads a marker, makes a list, adds and removes a member, reads the list timeline, makes a filter")
    void mastoJs() {
        // A person of its own, so the marker tests' "none at first" holds in any order.
        MastodonApp.person(node, "lena", "musterstadt", Role.EDITOR);
        ClientApi lena = new ClientApi(node, app.login("lena", "read write"));
        JsonNode r = de.allmende.testkit.MastoJsClient.run("organise.mjs", node.url(), lena.token(), annaId, annasNote);
        assertEquals(annasNote, r.path("saved").asText(), r.toString());
        assertEquals(annasNote, r.at("/marker/lastReadId").asText());
        assertTrue(r.at("/marker/notifications").isNull(), "no notifications marker yet: " + r);
        assertEquals("Partnerstädte", r.at("/list/title").asText());
        assertEquals("list", r.at("/list/repliesPolicy").asText(), "Mastodon's default");
        assertEquals(List.of(annaId), texts(r.path("members")));
        assertTrue(texts(r.path("timeline")).contains(annasNote), r.toString());
        assertEquals(List.of(), texts(r.path("after")), "removed by a DELETE with a JSON body");
        assertEquals(List.of("Baustelle"), texts(r.at("/filter/keywords")));
        ClientApi.ok(lena.send("DELETE", "/api/v2/filters/" + lena.list("/api/v2/filters", "Filter").get(0).path("id").asText(), null));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** A remote account this node knows (it wrote to us) that Musterstadt does not follow. */
    private static String remoteAccountNobodyFollows() {
        FakeRemote.Actor bernd = remote.actor("bernd");
        ObjectNode create = remote.createNote(bernd, "<p>Hallo</p>");
        deliver(create);
        String iri = create.path("object").path("id").asText();
        TestNode.await("bernd's note is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return Long.toString(node.count("SELECT author_id FROM post WHERE iri = '" + iri + "'"));
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static List<String> fields(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }
}
