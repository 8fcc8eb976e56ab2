package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The scene the write-path tests play in: Musterstadt with a person posting from an app; a follower on its own
 * server ({@link #fan}); Anna on hers, known here but no follower ({@link #annaServer}); a stranger's server that is
 * known too and must never get anything; and Beispieldorf on the same node, with a person of its own ({@link #other}).
 */
final class WritePathScene implements AutoCloseable {
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    final TestNode node;
    final FakeRemote fan;
    final FakeRemote annaServer;
    final FakeRemote.Actor anna;
    final FakeRemote stranger;
    /** Musterstadt's app, as kaemmerin. */
    final ClientApi app;
    /** Beispieldorf's app, as dorfschreiber. */
    final ClientApi other;

    private WritePathScene(TestNode node, FakeRemote fan, FakeRemote annaServer, FakeRemote stranger, ClientApi app, ClientApi other) {
        this.node = node;
        this.fan = fan;
        this.annaServer = annaServer;
        this.anna = annaServer.actor("anna");
        this.stranger = stranger;
        this.app = app;
        this.other = other;
    }

    static WritePathScene start() {
        TestNode node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "dorfschreiber", "beispieldorf", Role.EDITOR);
        ClientApi app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write")
                .login("kaemmerin", "read write"));
        ClientApi other = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write")
                .login("dorfschreiber", "read write"));
        WritePathScene scene = new WritePathScene(node, FakeRemote.start(), FakeRemote.start(), FakeRemote.start(), app, other);
        URI musterstadt = node.actorIri("musterstadt");
        FakeRemote.Actor follower = scene.fan.actor("fan");
        assertEquals(202, scene.fan.post(URI.create(musterstadt + "/inbox"), scene.fan.follow(follower, musterstadt)).send().status());
        TestNode.await("the fan follows", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
        scene.annaPosts("Hallo aus Annas Stadt");
        scene.deliver(scene.stranger, scene.stranger.createNote(scene.stranger.actor("stranger"), "Ich bin auch da"));
        return scene;
    }

    /** A status posted from Musterstadt's app (JSON, as Elk posts), checked to be a Status. */
    JsonNode post(String json) {
        return ClientApi.entity(app.send("POST", "/api/v1/statuses", json), "Status");
    }

    /** Anna's public note, delivered to the node's shared inbox; returns its IRI once it is stored. */
    String annaPosts(String text) {
        ObjectNode create = annaServer.createNote(anna, "<p>" + text + "</p>");
        deliver(annaServer, create);
        return create.path("object").path("id").asText();
    }

    private void deliver(FakeRemote from, ObjectNode create) {
        assertEquals(202, from.post(URI.create(node.url() + "/inbox"), create).send().status());
        String iri = create.path("object").path("id").asText();
        TestNode.await("the post is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
    }

    String annaAcct() {
        return "anna@" + anna.id().getRawAuthority();
    }

    String annaAccountId() {
        return app.entity("/api/v1/accounts/lookup?acct=" + annaAcct(), "Account").path("id").asText();
    }

    String followers() {
        return node.actorIri("musterstadt") + "/followers";
    }

    /** The activity of {@code type} about {@code objectIri} that reached {@code server}, once it has. */
    JsonNode awaitActivity(FakeRemote server, String type, String objectIri) {
        JsonNode[] found = new JsonNode[1];
        TestNode.await(type + " of " + objectIri + " reaches " + server.base(), () -> {
            found[0] = activities(server).stream().filter(a -> a.path("type").asText().equals(type))
                    .filter(a -> objectIri.equals(a.path("object").path("id").asText(a.path("object").asText())))
                    .reduce((first, later) -> later).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    JsonNode awaitCreate(FakeRemote server, String objectIri) {
        return awaitActivity(server, "Create", objectIri);
    }

    /** The ids of the objects the activities that reached {@code server} are about. */
    List<String> received(FakeRemote server) {
        return activities(server).stream().map(a -> a.path("object").path("id").asText(a.path("object").asText())).toList();
    }

    static List<JsonNode> activities(FakeRemote server) {
        List<JsonNode> out = new ArrayList<>();
        for (FakeRemote.Received r : server.received()) {
            if (r.method().equals("POST")) out.add(parse(r.body()));
        }
        return out;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return de.allmende.api.Responses.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("a delivery that is not JSON", e);
        }
    }

    boolean inPublicTimeline(JsonNode status) {
        return ids(app.list("/api/v1/timelines/public?limit=40", "Status")).contains(status.path("id").asText());
    }

    boolean inOutbox(JsonNode status) {
        return node.get("/actors/musterstadt/outbox?page=true", "application/activity+json").body().contains(status.path("uri").asText());
    }

    /** The status of a GET of the status's object page, as {@code accept}. */
    int objectPage(JsonNode status, String accept) {
        return node.get(URI.create(status.path("uri").asText()).getRawPath(), accept).statusCode();
    }

    /** Neither the public, nor a server it was not addressed to, nor another municipality can see the status. */
    void assertHiddenFromEveryoneElse(JsonNode status) {
        String id = status.path("id").asText();
        assertFalse(inPublicTimeline(status), "not in the public timeline");
        assertFalse(inOutbox(status), "not in the outbox");
        assertEquals(404, objectPage(status, "application/activity+json"), "no document for whoever knows the IRI");
        assertEquals(404, objectPage(status, "text/html"), "no public page");
        for (String page : List.of("/actors/musterstadt/feed.atom", "/actors/musterstadt")) {
            var answer = node.get(page, page.endsWith(".atom") ? "application/atom+xml" : "text/html");
            assertEquals(200, answer.statusCode(), page);
            assertFalse(answer.body().contains(status.path("uri").asText()), "not in " + page);
        }
        assertEquals(404, other.error("/api/v1/statuses/" + id), "another municipality cannot read it");
        String me = app.entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        assertFalse(ids(other.list("/api/v1/accounts/" + me + "/statuses", "Status")).contains(id), "nor on the profile");
        assertEquals(id, app.entity("/api/v1/statuses/" + id, "Status").path("id").asText(), "the author can");
        TestNode.awaitQuiet(node);
        assertFalse(received(stranger).contains(status.path("uri").asText()), "a stranger's server gets nothing");
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    static List<String> strings(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : List.of(fan, annaServer, stranger, node)) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
