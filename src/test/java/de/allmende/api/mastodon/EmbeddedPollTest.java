package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.MastodonEntities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll as a status embeds it answers for the viewer as {@code GET /api/v1/polls/:id} does: apps show the voter's
 * choice from the status's {@code voted} and {@code own_votes}, in timelines and single statuses alike.
 */
@DisplayName("Polls embedded in statuses: voted and own_votes for the viewing account")
class EmbeddedPollTest {
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
    @DisplayName("Beispieldorf votes: its statuses show voted and its choices; Musterstadt, who did not vote, sees voted false")
    void votedAndOwnVotes() {
        JsonNode status = scene.post("""
                {"status": "Welche Farbe für die Bänke?", "poll": {"options": ["Grün", "Blau", "Rot"], "expires_in": 3600, "multiple": true}}""");
        String id = status.path("id").asText();
        assertFalse(status.at("/poll/voted").asBoolean(true), "the author has not voted: " + status.path("poll"));
        assertEquals("[]", status.at("/poll/own_votes").toString());

        JsonNode before = scene.other.entity("/api/v1/statuses/" + id, "Status").path("poll");
        assertFalse(before.path("voted").asBoolean(true), before.toString());

        HttpResponse<String> vote = scene.other.send("POST", "/api/v1/polls/" + id + "/votes", "{\"choices\": [2, 0]}");
        assertEquals(200, vote.statusCode(), vote.body());

        JsonNode single = scene.other.entity("/api/v1/statuses/" + id, "Status").path("poll");
        MastodonEntities.assertShape("Poll", single);
        assertTrue(single.path("voted").asBoolean(), single.toString());
        assertEquals("[0,2]", single.path("own_votes").toString());
        assertEquals(2, single.path("votes_count").asInt());
        JsonNode inTimeline = pollIn(scene.other.list("/api/v1/timelines/public?local=true", "Status"), id);
        assertEquals(single.path("own_votes"), inTimeline.path("own_votes"), "the timeline embeds the same: " + inTimeline);
        assertTrue(inTimeline.path("voted").asBoolean());

        JsonNode authorsView = scene.app.entity("/api/v1/statuses/" + id, "Status").path("poll");
        assertFalse(authorsView.path("voted").asBoolean(true), "another's vote is not the author's: " + authorsView);
        assertEquals("[]", authorsView.path("own_votes").toString());
        assertEquals(2, authorsView.path("votes_count").asInt());
    }

    private static JsonNode pollIn(JsonNode statuses, String id) {
        for (JsonNode s : statuses) if (s.path("id").asText().equals(id)) return s.path("poll");
        throw new AssertionError("status " + id + " is not in " + statuses);
    }
}
