package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.AppScenario;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mastodon's conversation mute (issue 10): a municipality mutes the thread of a status; every status of the thread
 * shows {@code muted} to it (not to another municipality), and mentions, replies and favourites in the thread notify it
 * no more, until it unmutes; other threads notify as before.
 */
@DisplayName("Client API: muting a conversation shows in muted and silences the thread's notifications")
class ConversationMuteTest {
    private static AppScenario s;

    @BeforeAll
    static void start() {
        s = AppScenario.start();
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void muteAndUnmute() {
        String own = s.publish("<p>Bürgerhaushalt: Ihre Ideen?</p>");
        String ownIri = s.app.entity("/api/v1/statuses/" + own, "Status").path("uri").asText();
        String firstReply = s.postId(mentioningReply(s.anna, ownIri, "<p>@musterstadt Ein Radweg!</p>"));
        awaitMentions(List.of(firstReply));

        JsonNode muted = s.app.post("/api/v1/statuses/" + own + "/mute", "Status");
        assertTrue(muted.path("muted").asBoolean());
        assertTrue(s.app.entity("/api/v1/statuses/" + firstReply, "Status").path("muted").asBoolean(), "the whole thread is muted");
        assertFalse(s.dorf.entity("/api/v1/statuses/" + own, "Status").path("muted").asBoolean(), "for musterstadt alone");
        assertTrue(s.app.post("/api/v1/statuses/" + firstReply + "/mute", "Status").path("muted").asBoolean(), "muting twice is fine");

        String deeper = mentioningReply(s.bernd, s.app.entity("/api/v1/statuses/" + firstReply, "Status").path("uri").asText(),
                "<p>@musterstadt Und eine Bank</p>");
        assertTrue(s.app.entity("/api/v1/statuses/" + s.postId(deeper), "Status").path("muted").asBoolean(), "a later reply too");
        s.deliver(s.remote.like(s.carla, URI.create(ownIri)));
        TestNode.await("carla's favourite is counted", () -> s.app.entity("/api/v1/statuses/" + own, "Status").path("favourites_count").asInt() == 1);
        TestNode.awaitQuiet(s.node);
        assertEquals(List.of("mention"), notificationTypes(), "no favourite, no mention from the muted thread");
        String elsewhere = s.postId(mentioningReply(s.carla, null, "<p>@musterstadt Andere Frage</p>"));
        awaitMentions(List.of(elsewhere, firstReply)); // other threads notify as before

        JsonNode unmuted = s.app.post("/api/v1/statuses/" + firstReply + "/unmute", "Status");
        assertFalse(unmuted.path("muted").asBoolean());
        assertFalse(s.app.entity("/api/v1/statuses/" + own, "Status").path("muted").asBoolean());
        String after = s.postId(mentioningReply(s.anna, ownIri, "<p>@musterstadt Noch eine Idee</p>"));
        awaitMentions(List.of(after, elsewhere, firstReply));
    }

    /** A public reply (to nothing if {@code inReplyTo} is null) by {@code author} mentioning musterstadt; its IRI once stored. */
    private static String mentioningReply(FakeRemote.Actor author, String inReplyTo, String html) {
        ObjectNode note = s.remote.note(author, html);
        Optional.ofNullable(inReplyTo).ifPresent(r -> note.put("inReplyTo", r));
        note.putArray("cc").add(s.node.actorIri("musterstadt").toString());
        note.putArray("tag").addObject().put("type", "Mention").put("href", s.node.actorIri("musterstadt").toString())
                .put("name", "@musterstadt@" + s.node.publicUrl().getRawAuthority());
        s.deliver(s.remote.create(author, note));
        String iri = note.path("id").asText();
        TestNode.await("the post " + iri + " is stored", () -> s.node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        return iri;
    }

    /** Waits until Musterstadt's mention notifications are about exactly these statuses, newest first. */
    private static void awaitMentions(List<String> statusIds) {
        TestNode.await("mentions of " + statusIds, () -> {
            List<String> about = new ArrayList<>();
            s.app.list("/api/v1/notifications?types[]=mention", "Notification").forEach(n -> about.add(n.at("/status/id").asText()));
            return about.equals(statusIds);
        });
    }

    private static List<String> notificationTypes() {
        List<String> types = new ArrayList<>();
        s.app.list("/api/v1/notifications", "Notification").forEach(n -> types.add(n.path("type").asText()));
        return types;
    }
}
