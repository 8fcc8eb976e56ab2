package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.Media;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statuses that stand for municipal content carry a PreviewCard, as a status linking an article does on Mastodon:
 * the page, title, teaser, first image and the municipality as provider — built from what the node holds, for its own
 * content and for content received from another Allmende node. Notes and project updates have none.
 */
@DisplayName("Preview cards: municipal content, local and from another Allmende node, as PreviewCard; notes without")
class PreviewCardTest {
    private static TestNode node;
    private static TestNode peer;
    private static ClientApi app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        peer = TestNode.start();
        node.create(Fixtures.musterstadt());
        peer.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read").login("kaemmerin", "read"));
        node.node().services().follows.follow(node.actor("musterstadt"), peer.actorIri("beispieldorf"));
        TestNode.await("Musterstadt follows Beispieldorf", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
    }

    @AfterAll
    static void stop() {
        if (peer != null) peer.close();
        if (node != null) node.close();
    }

    @Test
    @DisplayName("the municipality's project with an image: a link card with title, teaser, image and Musterstadt as provider")
    void localProject() {
        UUID image = Media.image(node, "musterstadt", "haushalt.png", "Balkendiagramm des Haushalts");
        ObjectNode input = ContentFixtures.offenerHaushalt();
        input.putArray("images").add(image.toString());
        Content project = node.node().services().content.create(node.actor("musterstadt"), ContentKind.PROJECT, input);

        JsonNode status = statusWithUri(app.list("/api/v1/timelines/public?local=true", "Status"), project.iri().toString());
        JsonNode card = status.path("card");
        MastodonEntities.assertShape("PreviewCard", card);
        assertEquals(status.path("url").asText(), card.path("url").asText(), "the card links the page the status links");
        assertEquals("Offener Haushalt", card.path("title").asText());
        assertEquals("Der städtische Haushalt als offene Daten und interaktive Grafik.", card.path("description").asText());
        assertEquals("link", card.path("type").asText());
        assertEquals(node.url() + "/media/" + image, card.path("image").asText());
        assertEquals("Balkendiagramm des Haushalts", card.path("image_description").asText());
        String name = status.at("/account/display_name").asText();
        assertEquals(name, card.path("provider_name").asText());
        assertEquals(status.at("/account/url").asText(), card.path("provider_url").asText());
        assertEquals(status.at("/account/id").asText(), card.at("/authors/0/account/id").asText(), "apps show 'more from' the municipality");
        MastodonEntities.assertShape("Account", card.at("/authors/0/account"));
    }

    @Test
    @DisplayName("an event received from Beispieldorf's node: its card names Beispieldorf; a note and a project update have none")
    void receivedEventAndOthers() {
        var peerContent = peer.node().services().content;
        Content project = peerContent.create(peer.actor("beispieldorf"), ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        Content event = peerContent.create(peer.actor("beispieldorf"), ContentKind.EVENT, ContentFixtures.werkstatt(project.iri()));
        Content update = peerContent.create(peer.actor("beispieldorf"), ContentKind.UPDATE, ContentFixtures.haushaltUpdate(project.iri()));
        var note = peer.node().services().notes.publish(peer.actor("beispieldorf"), "<p>Hallo Musterstadt</p>");
        for (String iri : new String[]{event.iri().toString(), update.iri().toString(), note.toString()}) {
            TestNode.await(iri + " arrives", () -> node.count("SELECT count(*) FROM post WHERE iri = '" + iri + "'") == 1);
        }

        JsonNode home = app.list("/api/v1/timelines/home?limit=40", "Status");
        JsonNode status = statusWithUri(home, event.iri().toString());
        JsonNode card = status.path("card");
        MastodonEntities.assertShape("PreviewCard", card);
        assertEquals(status.path("url").asText(), card.path("url").asText());
        assertTrue(card.path("title").asText().length() > 0, card.toString());
        assertEquals(status.at("/account/display_name").asText(), card.path("provider_name").asText());
        assertEquals(status.at("/account/url").asText(), card.path("provider_url").asText());
        assertTrue(card.path("image").isNull(), "no image: " + card);
        assertTrue(statusWithUri(home, update.iri().toString()).path("card").isNull(), "an update shows its words, no card");
        assertTrue(statusWithUri(home, note.toString()).path("card").isNull(), "a note has no card");
    }

    private static JsonNode statusWithUri(JsonNode statuses, String uri) {
        for (JsonNode s : statuses) if (s.path("uri").asText().equals(uri)) return s;
        throw new AssertionError(uri + " is not among " + statuses);
    }
}
