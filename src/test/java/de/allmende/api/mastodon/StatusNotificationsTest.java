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
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "status" notification (the bell on a followed account in the apps): a peer's own posts notify the local
 * accounts that follow it with {@code notify=true}; its boosts and replies to others do not, nor does anything
 * after the bell is switched off.
 */
@DisplayName("Client API notifications: status, for accounts followed with notify")
class StatusNotificationsTest {
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static FakeRemote.Actor bert;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        bert = remote.actor("bert");
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read write follow")
                .login("kaemmerin", "read write follow"));
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("posts and self-replies notify; boosts, replies to others and posts after the bell is off do not")
    void bell() {
        URI follow = node.node().services().follows.follow(node.actor("musterstadt"), anna.id());
        ObjectNode accept = remote.activity(anna, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", node.actorIri("musterstadt").toString()).put("object", anna.id().toString());
        deliver(accept);
        TestNode.await("the follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
        String annaId = app.entity("/api/v1/accounts/lookup?acct=anna@" + anna.id().getRawAuthority(), "Account").path("id").asText();
        JsonNode relationship = app.post("/api/v1/accounts/" + annaId + "/follow", Map.of("notify", "true"), "Relationship");
        assertTrue(relationship.path("notifying").asBoolean(), relationship.toString());

        String first = post(anna, "<p>Bürgersprechstunde am Montag</p>", null);
        String bertsPost = post(bert, "<p>Frage von Bert</p>", null);
        post(anna, "<p>Antwort an Bert</p>", bertsPost);
        String thread = post(anna, "<p>Nachtrag: im Rathaus, Raum 2</p>", first);
        ObjectNode boost = remote.activity(anna, "Announce");
        boost.put("object", bertsPost).putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        deliver(boost);

        TestNode.await("two status notifications", () -> statusUris().size() >= 2);
        app.post("/api/v1/accounts/" + annaId + "/follow", Map.of("notify", "false"), "Relationship");
        String quiet = post(anna, "<p>Ohne Glocke</p>", null);
        TestNode.await("every event's jobs are done", () -> node.count(
                "SELECT count(*) FROM event_job WHERE done IS NULL AND failed IS NULL") == 0);
        assertEquals(List.of(thread, first), statusUris(), "newest first; not the reply to Bert, the boost or " + quiet);
        JsonNode n = app.list("/api/v1/notifications?types[]=status", "Notification").get(0);
        assertEquals("anna@" + anna.id().getRawAuthority(), n.at("/account/acct").asText());
    }

    private static List<String> statusUris() {
        List<String> uris = new ArrayList<>();
        app.list("/api/v1/notifications?types[]=status", "Notification").forEach(n -> uris.add(n.at("/status/uri").asText()));
        return uris;
    }

    /** A public note by {@code author}, optionally a reply; stored before this returns. Its IRI. */
    private static String post(FakeRemote.Actor author, String html, String inReplyTo) {
        ObjectNode note = remote.note(author, html);
        if (inReplyTo != null) note.put("inReplyTo", inReplyTo);
        deliver(remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the post " + iri + " is stored", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return iri;
    }

    private static void deliver(ObjectNode activity) {
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }
}
