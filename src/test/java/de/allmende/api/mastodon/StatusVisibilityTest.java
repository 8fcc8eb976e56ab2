package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statuses posted from an app in each of Mastodon's visibilities are addressed and delivered exactly as Mastodon does,
 * and followers-only and direct ones leak nowhere: not to strangers' servers, not in the public timeline, the outbox or
 * the object's public page, not to another municipality reading through the API.
 */
@DisplayName("Client API write path: visibility, addressing and delivery")
class StatusVisibilityTest {
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
    @DisplayName("public: to Public, cc the followers and whom it mentions; the follower's and the mentioned's servers get it, a stranger's not")
    void publicPost() {
        JsonNode s = scene.post("{\"status\":\"Bürgerhaushalt 2027: @" + scene.annaAcct() + " #Beteiligung https://www.musterstadt.de/bh\"}");
        assertEquals("public", s.path("visibility").asText());
        assertEquals(scene.annaAcct(), s.at("/mentions/0/acct").asText());
        assertEquals("beteiligung", s.at("/tags/0/name").asText());
        assertTrue(s.path("content").asText().contains("class=\"u-url mention\""), s.toString());
        JsonNode note = scene.awaitCreate(scene.fan, s.path("uri").asText()).path("object");
        assertEquals(List.of(WritePathScene.PUBLIC), WritePathScene.strings(note.path("to")));
        assertEquals(Set.of(scene.followers(), scene.anna.id().toString()), Set.copyOf(WritePathScene.strings(note.path("cc"))));
        assertEquals(Set.of("Mention", "Hashtag"), Set.copyOf(WritePathScene.strings(note.path("tag").findValues("type"))));
        scene.awaitCreate(scene.annaServer, s.path("uri").asText());
        assertTrue(scene.inPublicTimeline(s) && scene.inOutbox(s));
        assertEquals(200, scene.objectPage(s, "application/activity+json"));
    }

    @Test
    @DisplayName("unlisted: to the followers, cc Public; out of the public timeline, still readable by all")
    void unlisted() {
        JsonNode s = scene.post("{\"status\":\"Nur für die Chronik\",\"visibility\":\"unlisted\"}");
        assertEquals("unlisted", s.path("visibility").asText());
        JsonNode note = scene.awaitCreate(scene.fan, s.path("uri").asText()).path("object");
        assertEquals(List.of(scene.followers()), WritePathScene.strings(note.path("to")));
        assertEquals(List.of(WritePathScene.PUBLIC), WritePathScene.strings(note.path("cc")));
        assertFalse(scene.inPublicTimeline(s));
        assertTrue(scene.inOutbox(s), "readable by all, so listed in the outbox, as on Mastodon");
        assertEquals(200, scene.objectPage(s, "application/activity+json"));
        assertEquals(s.path("uri"), scene.other.entity("/api/v1/statuses/" + s.path("id").asText(), "Status").path("uri"));
    }

    @Test
    @DisplayName("followers-only: to the followers only; the follower gets it, nobody else sees it anywhere")
    void followersOnly() {
        JsonNode s = scene.post("{\"status\":\"Interne Absprache zur Ratssitzung\",\"visibility\":\"private\"}");
        assertEquals("private", s.path("visibility").asText());
        JsonNode note = scene.awaitCreate(scene.fan, s.path("uri").asText()).path("object");
        assertEquals(List.of(scene.followers()), WritePathScene.strings(note.path("to")));
        assertTrue(WritePathScene.strings(note.path("cc")).isEmpty(), note.toString());
        scene.assertHiddenFromEveryoneElse(s);

        JsonNode mentioning = scene.post("{\"status\":\"@" + scene.annaAcct() + " siehe Ratssitzung\",\"visibility\":\"private\"}");
        JsonNode toAnna = scene.awaitCreate(scene.annaServer, mentioning.path("uri").asText()).path("object");
        assertEquals(List.of(scene.anna.id().toString()), WritePathScene.strings(toAnna.path("cc")), "the mentioned get it too");
        scene.assertHiddenFromEveryoneElse(mentioning);
    }

    @Test
    @DisplayName("direct: only to the people it mentions; the follower does not get it, nobody else sees it anywhere")
    void direct() {
        JsonNode s = scene.post("{\"status\":\"@" + scene.annaAcct() + " Termin am Dienstag?\",\"visibility\":\"direct\"}");
        assertEquals("direct", s.path("visibility").asText());
        JsonNode note = scene.awaitCreate(scene.annaServer, s.path("uri").asText()).path("object");
        assertEquals(List.of(scene.anna.id().toString()), WritePathScene.strings(note.path("to")));
        assertFalse(WritePathScene.strings(note.path("cc")).contains(scene.followers()));
        scene.assertHiddenFromEveryoneElse(s);
        TestNode.awaitQuiet(scene.node);
        assertFalse(scene.received(scene.fan).contains(s.path("uri").asText()), "a follower not mentioned gets no direct message");
    }

    @Test
    @DisplayName("a reply to the peer's post answers it and is addressed to its author, also when the text does not mention her")
    void replyToRemotePost() {
        String annasNote = scene.annaPosts("Wie macht ihr das mit dem Bürgerhaushalt?");
        long annasId = scene.node.count("SELECT id FROM post WHERE iri = '" + annasNote + "'");
        JsonNode s = scene.post("{\"status\":\"So machen wir das.\",\"in_reply_to_id\":\"" + annasId + "\",\"visibility\":\"unlisted\"}");
        assertEquals(Long.toString(annasId), s.path("in_reply_to_id").asText());
        assertEquals(scene.annaAccountId(), s.path("in_reply_to_account_id").asText());
        JsonNode note = scene.awaitCreate(scene.annaServer, s.path("uri").asText()).path("object");
        assertEquals(annasNote, note.path("inReplyTo").asText());
        assertTrue(WritePathScene.strings(note.path("cc")).contains(scene.anna.id().toString()), note.toString());
        assertEquals(404, ClientApi.error(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"x\",\"in_reply_to_id\":\"1\"}")),
                "a reply to no status");
    }

    @Test
    @DisplayName("a status another municipality may not see it cannot answer either (404), as Mastodon answers")
    void replyToHiddenStatus() {
        JsonNode hidden = scene.post("{\"status\":\"Nur für Follower\",\"visibility\":\"private\"}");
        var answer = scene.other.send("POST", "/api/v1/statuses", "{\"status\":\"Antwort\",\"in_reply_to_id\":\"" + hidden.path("id").asText() + "\"}");
        assertEquals(404, ClientApi.error(answer));
    }

    @Test
    @DisplayName("a direct message to a municipality on the same node: it reads it (a mention event is recorded for it), nobody else does")
    void directToLocalMunicipality() {
        JsonNode s = scene.post("{\"status\":\"@beispieldorf Habt ihr Zeit?\",\"visibility\":\"direct\"}");
        assertEquals("beispieldorf", s.at("/mentions/0/acct").asText(), s.toString());
        JsonNode seen = scene.other.entity("/api/v1/statuses/" + s.path("id").asText(), "Status");
        assertEquals("direct", seen.path("visibility").asText());
        assertEquals(1, scene.node.count("SELECT count(*) FROM domain_event WHERE kind = 'mentioned' AND subject = '"
                + s.path("uri").asText() + "'"));
        assertFalse(scene.inPublicTimeline(s) || scene.inOutbox(s));
        assertEquals(404, scene.objectPage(s, "text/html"));
    }
}
