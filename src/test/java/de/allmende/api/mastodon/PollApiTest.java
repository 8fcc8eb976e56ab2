package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.crypto.Pem;
import de.allmende.domain.people.Role;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls of remote posts as apps read and answer them (issue 10): a Mastodon-shaped peer's Question arrives through the
 * inbox, shows as a Status with its Poll and under {@code /api/v1/polls/:id}; a vote goes to the peer as Mastodon
 * sends one — Create(Note) with the option as {@code name}, answering the Question, signed — once per account.
 */
@DisplayName("Client API polls: a received Question, its Poll, votes sent to its author once")
class PollApiTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        MastodonApp.person(node, "buergermeisterin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write").login("buergermeisterin", "read write"));
        remote = FakeRemote.start();
        anna = remote.actor("anna");
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("one choice: the Poll in the status and by id, a signed vote Note to the author, a second vote 422, new counts by Update")
    void singleChoice() throws Exception {
        ObjectNode question = question("oneOf", Instant.now().plus(Duration.ofDays(1)), Map.of("Marktplatz", 2, "Stadtpark", 1));
        question.put("votersCount", 3);
        String id = deliver(remote.create(anna, question), question);

        JsonNode status = app.entity("/api/v1/statuses/" + id, "Status");
        assertEquals(id, status.at("/poll/id").asText());
        JsonNode poll = app.entity("/api/v1/polls/" + id, "Poll");
        assertEquals(List.of("Marktplatz", "Stadtpark"), titles(poll));
        assertEquals(3, poll.path("votes_count").asInt());
        assertFalse(poll.path("multiple").asBoolean());
        assertFalse(poll.path("expired").asBoolean());
        assertFalse(poll.path("voted").asBoolean());

        HttpResponse<String> vote = MastodonApp.json(node, "POST", "/api/v1/polls/" + id + "/votes", app.token(), "{\"choices\":[\"1\"]}");
        assertEquals(200, vote.statusCode(), vote.body());
        JsonNode voted = ClientApi.json(vote);
        de.allmende.testkit.MastodonEntities.assertShape("Poll", voted);
        assertTrue(voted.path("voted").asBoolean());
        assertEquals("[1]", voted.path("own_votes").toString());

        TestNode.await("the vote reaches anna", () -> votes(question).size() == 1);
        FakeRemote.Received delivery = votes(question).getFirst();
        assertEquals(anna.inbox().getRawPath(), delivery.path(), "to the author's own inbox, nobody else's");
        JsonNode create = GoldenJson.JSON.readTree(delivery.body());
        JsonNode note = create.path("object");
        assertEquals("Note", note.path("type").asText());
        assertEquals("Stadtpark", note.path("name").asText());
        assertEquals(question.path("id").asText(), note.path("inReplyTo").asText());
        assertEquals(node.actorIri("musterstadt").toString(), note.path("attributedTo").asText());
        assertEquals("[\"" + anna.id() + "\"]", note.path("to").toString());
        assertTrue(signedByMusterstadt(delivery), "the delivery carries Musterstadt's valid signature");

        HttpResponse<String> again = formVote(id, "choices[]=0");
        assertEquals(422, again.statusCode(), again.body());
        assertTrue(again.body().contains("already voted"), again.body());

        ObjectNode counted = question.deepCopy();
        ((ObjectNode) counted.withArray("oneOf").get(1).get("replies")).put("totalItems", 2);
        counted.put("votersCount", 4);
        ObjectNode update = remote.activity(anna, "Update");
        update.set("object", counted);
        update.set("to", counted.get("to"));
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), update).send().status());
        TestNode.await("the new counts are kept", () -> app.entity("/api/v1/polls/" + id, "Poll").path("votes_count").asInt() == 4);
        JsonNode after = app.entity("/api/v1/polls/" + id, "Poll");
        assertEquals(2, after.at("/options/1/votes_count").asInt());
        assertEquals("[1]", after.path("own_votes").toString(), "the own vote stays");
    }

    @Test
    @DisplayName("several choices: one Note per option; choices out of range, none, or several in a one-choice poll are 422")
    void multipleChoiceAndBadChoices() throws Exception {
        ObjectNode multi = question("anyOf", Instant.now().plus(Duration.ofHours(2)), Map.of("Radwege", 5, "Spielplätze", 4, "Bänke", 1));
        String id = deliver(remote.create(anna, multi), multi);
        assertTrue(app.entity("/api/v1/polls/" + id, "Poll").path("multiple").asBoolean());
        assertEquals(422, formVote(id, "choices[]=3").statusCode(), "out of range");
        assertEquals(422, formVote(id, "").statusCode(), "no choice");
        assertEquals(422, formVote(id, "choices[]=eins").statusCode(), "not a number");
        HttpResponse<String> ok = formVote(id, "choices[]=0&choices[]=2");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("[0,2]", ClientApi.json(ok).path("own_votes").toString());
        TestNode.await("two vote Notes", () -> votes(multi).size() == 2);

        ObjectNode single = question("oneOf", Instant.now().plus(Duration.ofHours(2)), Map.of("Ja", 0, "Nein", 0));
        String singleId = deliver(remote.create(anna, single), single);
        HttpResponse<String> two = formVote(singleId, "choices[]=0&choices[]=1");
        assertEquals(422, two.statusCode());
        assertTrue(two.body().contains("one choice"), two.body());
    }

    @Test
    @DisplayName("an ended poll shows as expired and takes no vote; an unknown poll is 404")
    void endedPoll() throws Exception {
        ObjectNode ended = question("oneOf", Instant.now().minus(Duration.ofMinutes(5)), Map.of("Früher", 3, "Später", 7));
        String id = deliver(remote.create(anna, ended), ended);
        assertTrue(app.entity("/api/v1/polls/" + id, "Poll").path("expired").asBoolean());
        HttpResponse<String> late = formVote(id, "choices[]=0");
        assertEquals(422, late.statusCode());
        assertTrue(late.body().contains("already ended"), late.body());
        assertEquals(404, app.error("/api/v1/polls/4242424242"));
        String note = deliver(remote.createNote(anna, "<p>keine Umfrage</p>"), null);
        assertEquals(404, app.error("/api/v1/polls/" + note), "a post without a poll");
    }

    private static ObjectNode question(String kind, Instant end, Map<String, Integer> counts) {
        ObjectNode q = remote.note(anna, "<p>Was soll die Stadt zuerst angehen?</p>");
        q.put("type", "Question");
        q.put("endTime", end.toString());
        ArrayNode options = q.putArray(kind);
        new java.util.TreeMap<>(counts).forEach((title, votes) -> options.addObject().put("type", "Note").put("name", title)
                .putObject("replies").put("type", "Collection").put("totalItems", votes));
        return q;
    }

    /** Delivers to the shared inbox; returns the post's id once it is kept. */
    private static String deliver(ObjectNode activity, ObjectNode object) {
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), activity).send().status());
        String iri = activity.at("/object/id").asText();
        TestNode.await("the post is kept", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return String.valueOf(node.count("SELECT id FROM post WHERE iri = '" + iri + "'"));
    }

    private static HttpResponse<String> formVote(String id, String body) {
        return TestNode.send(java.net.http.HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/polls/" + id + "/votes"))
                .header("Authorization", "Bearer " + app.token()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static List<String> titles(JsonNode poll) {
        List<String> out = new ArrayList<>();
        poll.path("options").forEach(o -> out.add(o.path("title").asText()));
        return out;
    }

    /** The vote Notes the remote received for {@code question}. */
    private static List<FakeRemote.Received> votes(ObjectNode question) {
        return remote.received().stream().filter(r -> {
            try {
                JsonNode a = GoldenJson.JSON.readTree(r.body());
                return "Create".equals(a.path("type").asText()) && question.path("id").asText().equals(a.at("/object/inReplyTo").asText());
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    private static boolean signedByMusterstadt(FakeRemote.Received r) throws Exception {
        JsonNode actor = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());
        var publicKey = Pem.decodePublicKey(actor.at("/publicKey/publicKeyPem").asText());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
        URI target = URI.create("http://" + headers.get("host").getFirst() + r.path());
        return HttpSignatureVerifier.federation().verify(new SignedRequestParts("POST", target, headers, r.body()),
                (keyId, freshness) -> Optional.of(publicKey), Instant.now()).isVerified();
    }
}
