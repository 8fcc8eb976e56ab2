package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.Content;
import de.allmende.domain.people.AuditEntry;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posting, editing and deleting statuses from an app: idempotency keys, edits that federate as Update and keep their
 * history and source, deletes that federate and hand back the typed text, a reply to the municipality's own project
 * that becomes a project update, refusals as Mastodon answers them, and the audit trail naming the person.
 */
@DisplayName("Client API write path: post, edit, delete, history, source")
class StatusWritePathTest {
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
    @DisplayName("the same Idempotency-Key from the same token gives the same status and no second post; another key a new one")
    void idempotency() {
        String body = "{\"status\":\"Einmal bitte\"}";
        JsonNode first = ClientApi.entity(scene.app.send("POST", "/api/v1/statuses", body, "Idempotency-Key", "k-1"), "Status");
        JsonNode again = ClientApi.entity(scene.app.send("POST", "/api/v1/statuses", body, "Idempotency-Key", "k-1"), "Status");
        assertEquals(first.path("id"), again.path("id"));
        assertEquals(1, scene.node.count("SELECT count(*) FROM post WHERE content->>'de' LIKE '%Einmal bitte%'"));
        JsonNode other = ClientApi.entity(scene.app.send("POST", "/api/v1/statuses", body, "Idempotency-Key", "k-2"), "Status");
        assertNotEquals(first.path("id"), other.path("id"));
        JsonNode fromOtherToken = ClientApi.entity(scene.other.send("POST", "/api/v1/statuses", body, "Idempotency-Key", "k-1"), "Status");
        assertNotEquals(first.path("id"), fromOtherToken.path("id"), "a key holds per token");
    }

    @Test
    @DisplayName("an app that sends the same post five times at once with one Idempotency-Key makes one post")
    void idempotencyAtOnce() throws Exception {
        String body = "{\"status\":\"Gleichzeitig gesendet\"}";
        List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                answers.add(threads.submit(() -> ClientApi.entity(scene.app.send("POST", "/api/v1/statuses", body, "Idempotency-Key", "burst"),
                        "Status").path("id").asText()));
            }
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var a : answers) ids.add(a.get());
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(1, scene.node.count("SELECT count(*) FROM post WHERE content->>'de' LIKE '%Gleichzeitig gesendet%'"));
    }

    @Test
    @DisplayName("a form-encoded post (Mastodon.py, Tusky) with a content warning: sensitive, the warning as summary, language kept")
    void formWithContentWarning() {
        JsonNode s = ClientApi.entity(scene.app.sendForm("POST", "/api/v1/statuses",
                "status=Details+zur+Baustelle&spoiler_text=Verkehr&language=en&visibility=public"), "Status");
        assertEquals("Verkehr", s.path("spoiler_text").asText());
        assertTrue(s.path("sensitive").asBoolean(), "a content warning makes it sensitive, as on Mastodon");
        assertEquals("en", s.path("language").asText());
        JsonNode note = scene.awaitCreate(scene.fan, s.path("uri").asText()).path("object");
        assertEquals("Verkehr", note.path("summary").asText());
        assertTrue(note.path("sensitive").asBoolean());
        assertEquals(s.path("content").asText(), note.at("/contentMap/en").asText());
    }

    @Test
    @DisplayName("an edit goes out as Update with the new text, shows edited_at, keeps both versions and the new source")
    void edit() {
        JsonNode s = scene.post("{\"status\":\"Sitzung am Montag\"}");
        String id = s.path("id").asText();
        JsonNode edited = ClientApi.entity(scene.app.send("PUT", "/api/v1/statuses/" + id,
                "{\"status\":\"Sitzung am Dienstag\",\"spoiler_text\":\"Termin\"}"), "Status");
        assertTrue(edited.path("content").asText().contains("Dienstag"));
        assertFalse(edited.path("edited_at").isNull());
        assertEquals(id, edited.path("id").asText());
        JsonNode update = scene.awaitActivity(scene.fan, "Update", s.path("uri").asText());
        assertTrue(update.at("/object/content").asText().contains("Dienstag"));
        assertEquals("Termin", update.at("/object/summary").asText());
        assertFalse(update.at("/object/updated").isMissingNode());

        JsonNode history = scene.app.list("/api/v1/statuses/" + id + "/history", "StatusEdit");
        assertEquals(2, history.size(), history.toString());
        assertTrue(history.get(0).path("content").asText().contains("Montag"), "oldest first");
        assertTrue(history.get(1).path("content").asText().contains("Dienstag"));
        assertEquals("Termin", history.get(1).path("spoiler_text").asText());
        JsonNode source = scene.app.entity("/api/v1/statuses/" + id + "/source", "StatusSource");
        assertEquals("Sitzung am Dienstag", source.path("text").asText());
        assertEquals("Termin", source.path("spoiler_text").asText());
        assertEquals(1, scene.app.list("/api/v1/statuses/" + scene.post("{\"status\":\"neu\"}").path("id").asText() + "/history",
                "StatusEdit").size(), "a status never edited has one version");
    }

    @Test
    @DisplayName("a delete goes out as Delete, hands back the typed text for redraft, and the status is gone (410 at its IRI)")
    void delete() {
        JsonNode s = scene.post("{\"status\":\"Versehentlich @" + scene.annaAcct() + " gepostet\"}");
        String id = s.path("id").asText();
        JsonNode deleted = ClientApi.entity(scene.app.send("DELETE", "/api/v1/statuses/" + id, null), "Status");
        assertEquals("Versehentlich @" + scene.annaAcct() + " gepostet", deleted.path("text").asText());
        scene.awaitActivity(scene.fan, "Delete", s.path("uri").asText());
        scene.awaitActivity(scene.annaServer, "Delete", s.path("uri").asText());
        assertEquals(404, scene.app.error("/api/v1/statuses/" + id));
        assertEquals(410, scene.objectPage(s, "application/activity+json"));
        assertEquals(404, ClientApi.error(scene.app.send("DELETE", "/api/v1/statuses/" + id, null)), "twice: not found");
    }

    @Test
    @DisplayName("another municipality's token cannot edit, delete or read the source of a status (404), as Mastodon answers")
    void othersCannotTouch() {
        String id = scene.post("{\"status\":\"Nur wir dürfen das ändern\"}").path("id").asText();
        assertEquals(404, ClientApi.error(scene.other.send("PUT", "/api/v1/statuses/" + id, "{\"status\":\"gekapert\"}")));
        assertEquals(404, ClientApi.error(scene.other.send("DELETE", "/api/v1/statuses/" + id, null)));
        assertEquals(404, scene.other.error("/api/v1/statuses/" + id + "/source"));
        String annasId = Long.toString(scene.node.count("SELECT max(id) FROM post WHERE origin_host IS NOT NULL"));
        assertEquals(404, ClientApi.error(scene.app.send("DELETE", "/api/v1/statuses/" + annasId, null)), "nor a peer's post");
        assertTrue(scene.app.entity("/api/v1/statuses/" + id, "Status").path("content").asText().contains("Nur wir"), "unchanged");
    }

    @Test
    @DisplayName("refusals: blank text, unknown visibility, too long, unknown media, a poll of one option (422); no token (401); no write scope (403)")
    void refusals() {
        assertEquals(422, ClientApi.error(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"  \"}")));
        assertEquals(422, ClientApi.error(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"x\",\"visibility\":\"secret\"}")));
        assertEquals(422, ClientApi.error(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"" + "x".repeat(5001) + "\"}")));
        assertEquals(422, ClientApi.error(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"x\",\"media_ids\":[\"1\"]}")));
        assertEquals(422, ClientApi.error(scene.app.send("POST", "/api/v1/statuses",
                "{\"status\":\"x\",\"poll\":{\"options\":[\"ja\"],\"expires_in\":3600}}")), "a poll of one option");
        ClientApi.entity(scene.app.send("POST", "/api/v1/statuses", "{\"status\":\"leer ist ok\",\"media_ids\":[],\"poll\":null}"),
                "Status"); // empty media and no poll are no media and no poll
        assertEquals(401, ClientApi.error(new ClientApi(scene.node, null).send("POST", "/api/v1/statuses", "{\"status\":\"x\"}")));
        var readOnly = new ClientApi(scene.node, de.allmende.testkit.MastodonApp.register(scene.node, "https://app.example/callback", "read")
                .login("kaemmerin", "read"));
        assertEquals(403, ClientApi.error(readOnly.send("POST", "/api/v1/statuses", "{\"status\":\"x\"}")));
        assertEquals(403, ClientApi.error(readOnly.send("DELETE", "/api/v1/statuses/1", null)));
    }

    @Test
    @DisplayName("a public reply to the municipality's own project becomes a project update of it; edit and delete act on the update")
    void replyToOwnProjectIsAProjectUpdate() {
        Content project = scene.node.node().services().content.create(scene.node.actor("musterstadt"),
                de.allmende.content.ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        long projectId = scene.node.count("SELECT id FROM post WHERE iri = '" + project.iri() + "'");
        JsonNode s = scene.post("{\"status\":\"Der Spielplatz ist fertig! #Spielplatz\",\"in_reply_to_id\":\"" + projectId + "\"}");
        assertEquals(Long.toString(projectId), s.path("in_reply_to_id").asText());
        assertEquals(1, scene.node.count("SELECT count(*) FROM content WHERE kind = 'update' AND iri = '" + s.path("uri").asText() + "'"));
        assertTrue(s.path("content").asText().contains("Der Spielplatz ist fertig!"), s.toString());
        JsonNode note = scene.awaitCreate(scene.fan, s.path("uri").asText()).path("object");
        assertEquals(project.iri().toString(), note.path("inReplyTo").asText());

        String id = s.path("id").asText();
        JsonNode edited = ClientApi.entity(scene.app.send("PUT", "/api/v1/statuses/" + id, "{\"status\":\"Der Spielplatz ist eröffnet.\"}"), "Status");
        assertTrue(edited.path("content").asText().contains("eröffnet"), edited.toString());
        assertEquals("Der Spielplatz ist eröffnet.", scene.app.entity("/api/v1/statuses/" + id + "/source", "StatusSource").path("text").asText());
        ClientApi.entity(scene.app.send("DELETE", "/api/v1/statuses/" + id, null), "Status");
        assertEquals(1, scene.node.count("SELECT count(*) FROM content WHERE kind = 'update' AND deleted IS NOT NULL AND iri = '"
                + s.path("uri").asText() + "'"));

        Content staffUpdate = scene.node.node().services().content.create(scene.node.actor("musterstadt"),
                de.allmende.content.ContentKind.UPDATE, ContentFixtures.haushaltUpdate(project.iri()));
        long staffUpdateId = scene.node.count("SELECT id FROM post WHERE iri = '" + staffUpdate.iri() + "'");
        assertEquals(422, ClientApi.error(scene.app.send("PUT", "/api/v1/statuses/" + staffUpdateId, "{\"status\":\"kurz\"}")),
                "an update written with the staff API has more than an app can edit");

        JsonNode followersOnly = scene.post("{\"status\":\"Intern\",\"in_reply_to_id\":\"" + projectId + "\",\"visibility\":\"private\"}");
        assertEquals(0, scene.node.count("SELECT count(*) FROM content WHERE iri = '" + followersOnly.path("uri").asText() + "'"),
                "a followers-only reply stays a note: updates are public");
    }

    @Test
    @DisplayName("the audit trail names the person for each post, edit and delete")
    void auditTrail() {
        String id = scene.post("{\"status\":\"Für das Protokoll\"}").path("id").asText();
        ClientApi.entity(scene.app.send("PUT", "/api/v1/statuses/" + id, "{\"status\":\"Für das Protokoll, korrigiert\"}"), "Status");
        ClientApi.entity(scene.app.send("DELETE", "/api/v1/statuses/" + id, null), "Status");
        List<AuditEntry> trail = scene.node.node().services().audit.list("musterstadt", 100).stream()
                .filter(e -> e.targetId().equals(id)).toList();
        assertEquals(List.of("delete", "update", "create"), trail.stream().map(AuditEntry::action).toList());
        for (AuditEntry e : trail) {
            assertEquals("kaemmerin", e.username().orElseThrow());
            assertEquals("status", e.targetKind());
            assertTrue(e.credential().startsWith("oauth-token:"), e.credential());
        }
    }

    @Test
    @DisplayName("masto.js (npm) posts with a content warning and an Idempotency-Key (retried: one status), edits, reads source and history, deletes")
    void mastoJs() {
        JsonNode r = de.allmende.testkit.MastoJsClient.run("statuses.mjs", scene.node.url(), scene.app.token());
        assertEquals("unlisted", r.at("/created/visibility").asText(), r.toString());
        assertEquals("Hinweis", r.at("/created/spoilerText").asText());
        assertTrue(r.at("/created/sensitive").asBoolean());
        assertEquals("test", r.at("/created/tags/0").asText());
        assertEquals(r.at("/created/id").asText(), r.at("/retried").asText(), "the retry got the same status");
        assertTrue(r.at("/edited/content").asText().contains("bearbeitet"));
        assertFalse(r.at("/edited/editedAt").isNull());
        assertEquals("Aus masto.js, bearbeitet", r.at("/source/text").asText());
        assertEquals("Hinweis", r.at("/source/spoilerText").asText(), "an edit that names no warning keeps it");
        assertEquals(2, r.path("history").size());
        assertEquals("Aus masto.js, bearbeitet", r.at("/removed/text").asText());
        assertEquals(404, r.path("afterwards").asInt());
    }
}
