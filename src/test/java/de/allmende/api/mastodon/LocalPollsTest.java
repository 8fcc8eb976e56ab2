package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls posted from apps (issue 10, polls both ways): a status with a poll federates as a Question; this node counts
 * the votes — from a Mastodon user as Create(Note) with the option as {@code name}, once per account; from another
 * municipality on the node through the API — and tells the new counts in Update(Question) to followers and voters.
 */
@DisplayName("Local polls: posted from an app, a Question to followers, remote and local votes counted once, Update with the counts")
class LocalPollsTest {
    private static WritePathScene scene;

    @BeforeAll
    static void start() {
        scene = WritePathScene.start();
    }

    @AfterAll
    static void stop() {
        if (scene != null) scene.close();
    }

    @Test
    @DisplayName("form body: Status.poll, a Question (oneOf, endTime) to the fan; Anna votes twice, counted once; Beispieldorf votes by API")
    void pollFromAnAppAndItsVotes() throws Exception {
        JsonNode status = ClientApi.entity(scene.app.sendForm("POST", "/api/v1/statuses",
                "status=Wie+soll+der+Platz+hei%C3%9Fen%3F&poll[options][]=Sonnenwiese&poll[options][]=Am+Kastanienhof"
                        + "&poll[expires_in]=3600"), "Status");
        JsonNode poll = status.path("poll");
        de.allmende.testkit.MastodonEntities.assertShape("Poll", poll);
        assertEquals(status.path("id").asText(), poll.path("id").asText());
        assertEquals(List.of("Sonnenwiese", "Am Kastanienhof"), titles(poll));
        assertFalse(poll.path("multiple").asBoolean());
        assertFalse(poll.path("expired").asBoolean());
        Instant ends = Instant.parse(poll.path("expires_at").asText());
        assertTrue(Duration.between(Instant.now(), ends).toMinutes() >= 58, poll.toString());

        String iri = status.path("uri").asText();
        JsonNode question = scene.awaitCreate(scene.fan, iri).path("object");
        assertEquals("Question", question.path("type").asText());
        assertEquals(2, question.path("oneOf").size());
        assertEquals("Sonnenwiese", question.at("/oneOf/0/name").asText());
        assertEquals(0, question.at("/oneOf/0/replies/totalItems").asInt());
        assertEquals(ends.getEpochSecond(), Instant.parse(question.path("endTime").asText()).getEpochSecond());

        URI vote = annaVotes(iri, "Am Kastanienhof");
        String id = status.path("id").asText();
        TestNode.await("Anna's vote is counted", () -> scene.app.entity("/api/v1/polls/" + id, "Poll").path("votes_count").asInt() == 1);
        // Only once it is counted: the inbox applies activities concurrently, so two sent at once may count either way.
        annaVotes(iri, "Sonnenwiese"); // a second vote in a one-choice poll: not counted
        annaVotes(iri, "Am Kastanienhof");
        TestNode.await("Anna's later votes applied",
                () -> scene.node.count("SELECT count(*) FROM inbox_item WHERE processed IS NULL AND failed IS NULL") == 0);
        assertEquals(1, scene.app.entity("/api/v1/polls/" + id, "Poll").path("votes_count").asInt(), "Anna's first vote alone");

        HttpResponse<String> local = scene.other.send("POST", "/api/v1/polls/" + id + "/votes", "{\"choices\":[0]}");
        assertEquals(200, local.statusCode(), local.body());
        JsonNode counted = ClientApi.json(local);
        assertEquals("[0]", counted.path("own_votes").toString());
        assertEquals(422, scene.other.send("POST", "/api/v1/polls/" + id + "/votes", "{\"choices\":[1]}").statusCode(), "once");

        JsonNode after = scene.app.entity("/api/v1/polls/" + id, "Poll");
        assertEquals(2, after.path("votes_count").asInt());
        assertEquals(1, after.at("/options/0/votes_count").asInt());
        assertEquals(1, after.at("/options/1/votes_count").asInt());
        assertEquals(2, after.path("voters_count").asInt());

        JsonNode update = awaitUpdateWith(scene.fan, iri, 2);
        assertEquals(1, update.at("/object/oneOf/1/replies/totalItems").asInt());
        assertEquals(2, update.at("/object/votersCount").asInt());
        awaitUpdateWith(scene.annaServer, iri, 2); // the voter hears it too, though she follows not

        assertEquals(0, scene.node.count("SELECT count(*) FROM post WHERE iri = '" + vote + "'"), "a vote is no post");
        assertFalse(scene.app.list("/api/v1/timelines/home?limit=40", "Status").toString().contains(vote.toString()));
        assertFalse(scene.app.list("/api/v1/timelines/public?limit=40", "Status").toString().contains(vote.toString()));
    }

    @Test
    @DisplayName("JSON body, several choices; when the poll ends: 422 for votes, Update with closed, a poll notification")
    void multipleChoiceAndTheEnd() {
        JsonNode status = scene.post("""
                {"status": "Was fehlt im Park?", "poll": {"options": ["Bänke", "Ein Brunnen", "Mehr Schatten"],
                 "expires_in": 600, "multiple": true, "hide_totals": false}}""");
        assertTrue(status.at("/poll/multiple").asBoolean());
        String id = status.path("id").asText();
        String iri = status.path("uri").asText();
        assertEquals(3, scene.awaitCreate(scene.fan, iri).at("/object/anyOf").size());
        annaVotes(iri, "Bänke");
        annaVotes(iri, "Mehr Schatten");
        TestNode.await("both of Anna's choices count", () -> scene.app.entity("/api/v1/polls/" + id, "Poll").path("votes_count").asInt() == 2);
        assertEquals(1, scene.app.entity("/api/v1/polls/" + id, "Poll").path("voters_count").asInt());

        // The poll's end, brought forward: its end time passed, and its job due now.
        scene.node.execute("UPDATE poll SET expires_at = now() - interval '1 second' WHERE post_id = " + id);
        scene.node.execute("UPDATE event_job SET next_attempt = now() WHERE consumer = 'poll-results' AND done IS NULL");
        HttpResponse<String> late = scene.other.send("POST", "/api/v1/polls/" + id + "/votes", "{\"choices\":[1]}");
        assertEquals(422, late.statusCode(), late.body());
        assertTrue(late.body().contains("already ended"), late.body());
        JsonNode closed = scene.awaitActivity(scene.fan, "Update", iri);
        // Any Update: the last counts' Update may be delivered after the closing one (deliveries run in parallel).
        TestNode.await("the Update tells the end", () -> WritePathScene.activities(scene.fan).stream()
                .anyMatch(a -> a.path("type").asText().equals("Update") && iri.equals(a.at("/object/id").asText())
                        && a.at("/object/closed").isTextual()));
        assertEquals("Update", closed.path("type").asText());
        TestNode.await("the author is told", () -> scene.app.list("/api/v1/notifications?types[]=poll", "Notification").toString().contains(id));
        assertTrue(scene.app.entity("/api/v1/polls/" + id, "Poll").path("expired").asBoolean());
    }

    @Test
    @DisplayName("bad polls are 422: one option, five, too long, too short or too long a time, with media")
    void badPolls() {
        String[] bad = {
                "{\"status\":\"x\",\"poll\":{\"options\":[\"nur eine\"],\"expires_in\":3600}}",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"expires_in\":3600}}",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"a\",\"" + "b".repeat(51) + "\"],\"expires_in\":3600}}",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"a\",\"b\"],\"expires_in\":60}}",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"a\",\"b\"],\"expires_in\":99999999}}",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"a\",\"b\"]}}",
                "{\"status\":\"x\",\"media_ids\":[\"1\"],\"poll\":{\"options\":[\"a\",\"b\"],\"expires_in\":3600}}"};
        for (String body : bad) assertEquals(422, scene.app.send("POST", "/api/v1/statuses", body).statusCode(), body);
    }

    /** Anna votes as Mastodon does: a signed Create(Note) to Musterstadt, the option as name, answering the Question. */
    private static URI annaVotes(String question, String option) {
        FakeRemote server = scene.annaServer;
        ObjectNode note = server.note(scene.anna, "");
        note.remove(List.of("content", "contentMap", "cc"));
        note.put("name", option);
        note.put("inReplyTo", question);
        note.putArray("to").add(scene.node.actorIri("musterstadt").toString());
        ObjectNode create = server.create(scene.anna, note);
        create.set("to", note.get("to"));
        create.remove("cc");
        assertEquals(202, server.post(URI.create(scene.node.actorIri("musterstadt") + "/inbox"), create).send().status());
        return URI.create(note.path("id").asText());
    }

    /** The Update of the Question that tells {@code votes} votes, once it reached {@code server}. */
    private static JsonNode awaitUpdateWith(FakeRemote server, String iri, int votes) {
        JsonNode[] found = new JsonNode[1];
        TestNode.await("an Update telling " + votes + " votes reaches " + server.base(), Duration.ofSeconds(20), () -> {
            JsonNode u = scene.awaitActivity(server, "Update", iri);
            int total = 0;
            for (JsonNode o : u.path("object").path("oneOf")) total += o.at("/replies/totalItems").asInt();
            found[0] = u;
            return total == votes;
        });
        return found[0];
    }

    private static List<String> titles(JsonNode poll) {
        return java.util.stream.StreamSupport.stream(poll.path("options").spliterator(), false).map(o -> o.path("title").asText()).toList();
    }
}
