package de.allmende.federation.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.federation.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects as other servers send them (recorded, see realworld/SOURCES.md) become the one typed {@link Post}. */
@DisplayName("remote objects → typed posts: Mastodon, GoToSocial, Misskey, Akkoma, Mobilizon, and a local post alike")
class AsToPostTest {
    private static final Origin REMOTE = new Origin.Remote("example.org", false);

    @Test
    @DisplayName("a Mastodon reply addressed to followers with the public in cc is unlisted, with its mention and language")
    void mastodonReply() {
        Post p = post("mastodon/create-note-reply.json", "https://mastodon.madrid/users/felix/followers");
        assertEquals(PostKind.NOTE, p.kind());
        assertEquals(Visibility.UNLISTED, p.visibility());
        assertEquals(Optional.of(URI.create("https://mamot.fr/users/retiolus/statuses/107224244380204526")), p.inReplyTo());
        assertEquals(List.of(URI.create("https://mamot.fr/users/retiolus")), p.mentions());
        assertEquals(List.of("en"), List.copyOf(p.content().texts().keySet()));
        assertEquals(Instant.parse("2021-11-05T11:46:50Z"), p.published());
        assertEquals(Optional.of(URI.create("https://mastodon.madrid/@felix/107224289116410645")), p.url());
    }

    @Test
    @DisplayName("GoToSocial (to/cc as single strings), Misskey and Akkoma notes")
    void otherNotes() {
        Post gts = post("gotosocial/create-note.json", "http://localhost:8080/users/the_mighty_zork/followers");
        assertEquals(Visibility.PUBLIC, gts.visibility());
        assertTrue(gts.sensitive());
        assertEquals(LanguageMap.of("und", "introduction post"), gts.summary(), "the content warning");

        Post misskey = post("misskey/note.json", "https://misskey.io/users/83ssedkv53/followers");
        assertEquals(Visibility.PUBLIC, misskey.visibility());
        assertEquals(Instant.parse("2022-01-21T16:37:12.663Z"), misskey.published());

        Post akkoma = post("pleroma/akkoma-note-unlisted.json", "https://social.qunn.eu/users/user/followers");
        assertEquals(Visibility.UNLISTED, akkoma.visibility());
        assertEquals(1, akkoma.mentions().size(), "the Emoji tag is no mention");
        assertTrue(akkoma.summary().isEmpty(), "an empty summary is no content warning");
    }

    @Test
    @DisplayName("a Mobilizon event: start, end, time zone, place and hashtags")
    void mobilizonEvent() {
        Post p = post("mobilizon/event.json", "https://rendezvous.nomagic.uk/@emorrp1/followers");
        assertEquals(PostKind.EVENT, p.kind());
        assertEquals(Visibility.PUBLIC, p.visibility());
        EventFacts e = p.event().orElseThrow();
        assertEquals(Instant.parse("2022-12-11T19:00:00Z"), e.start());
        assertEquals(Optional.of(Instant.parse("2022-12-11T21:00:00Z")), e.end());
        assertEquals(Optional.of(ZoneId.of("Europe/London")), e.timeZone());
        assertEquals(Optional.of("The Kenn Centre"), e.placeName());
        assertEquals(Optional.of("Teignbridge"), e.locality());
        assertTrue(p.hashtags().containsAll(List.of("Dance", "Caledonian")), p.hashtags()::toString);
    }

    @Test
    @DisplayName("followers-only and direct addressing; an event without a start, an actor and a chat message are no posts")
    void visibilitiesAndNonPosts() {
        ObjectNode note = (ObjectNode) load("mastodon/create-note-reply.json").get("object").deepCopy();
        note.putArray("to").add("https://mastodon.madrid/users/felix/followers");
        note.putArray("cc").add("https://mamot.fr/users/retiolus");
        assertEquals(Visibility.FOLLOWERS, convert(note, "https://mastodon.madrid/users/felix/followers").visibility());
        note.putArray("to").add("https://mamot.fr/users/retiolus");
        note.putArray("cc");
        assertEquals(Visibility.DIRECT, convert(note, "https://mastodon.madrid/users/felix/followers").visibility());

        ObjectNode noStart = (ObjectNode) load("mobilizon/event.json").deepCopy();
        noStart.remove("startTime");
        assertTrue(AsToPost.convert(noStart, Optional.empty(), REMOTE).isEmpty());
        assertTrue(AsToPost.convert(load("mastodon/person.json"), Optional.empty(), REMOTE).isEmpty());
        assertTrue(AsToPost.convert(load("pleroma/chat-message.json").path("object"), Optional.empty(), REMOTE).isEmpty());
    }

    @Test
    @DisplayName("a note from a Mastodon-shaped peer is the same typed post as the same note written here")
    void remoteNoteEqualsLocalNote() {
        URI followers = URI.create("https://musterstadt.example/actors/musterstadt/followers");
        URI mentioned = URI.create("https://mastodon.example/users/anna");
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        Post local = new Post(URI.create("https://musterstadt.example/objects/1"), URI.create("https://musterstadt.example/actors/musterstadt"),
                PostKind.NOTE, Audience.forVisibility(Visibility.UNLISTED, followers, List.of(mentioned)), Visibility.UNLISTED,
                Optional.empty(), Optional.empty(), Optional.empty(), LanguageMap.EMPTY, LanguageMap.EMPTY,
                new LanguageMap(Map.of("de", "<p>Hallo @anna</p>")), false, List.of("OpenGov"), List.of(mentioned), List.of(),
                Optional.empty(), now, Optional.empty(), Optional.empty(), Origin.LOCAL);

        ObjectNode shaped = (ObjectNode) load("mastodon/create-note-reply.json").get("object").deepCopy();
        shaped.put("id", local.iri().toString()).put("attributedTo", local.author().toString()).put("published", now.toString());
        shaped.remove(List.of("inReplyTo", "inReplyToAtomUri", "conversation", "url", "summary"));
        shaped.putArray("to").add(followers.toString());
        shaped.putArray("cc").add(Audience.PUBLIC.toString()).add(mentioned.toString());
        shaped.put("content", "<p>Hallo @anna</p>");
        shaped.putObject("contentMap").put("de", "<p>Hallo @anna</p>");
        shaped.putArray("tag").add(Json.MAPPER.createObjectNode().put("type", "Mention").put("href", mentioned.toString()))
                .add(Json.MAPPER.createObjectNode().put("type", "Hashtag").put("name", "#OpenGov"));
        Post remote = AsToPost.convert(shaped, Optional.of(followers), Origin.LOCAL).orElseThrow();
        assertEquals(local, remote);
    }

    private static Post post(String file, String followers) {
        JsonNode doc = load(file);
        return convert(doc.path("object").isObject() ? doc.get("object") : doc, followers);
    }

    private static Post convert(JsonNode object, String followers) {
        return AsToPost.convert(object, Optional.of(URI.create(followers)), REMOTE).orElseThrow(() -> new AssertionError("no post: " + object));
    }

    private static JsonNode load(String file) {
        try (InputStream in = AsToPostTest.class.getResourceAsStream("/realworld/" + file)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
