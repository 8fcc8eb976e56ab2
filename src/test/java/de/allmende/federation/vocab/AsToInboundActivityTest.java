package de.allmende.federation.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one reader of inbound activities, over what peers really send (src/test/resources/realworld): each
 * gives the view of its type with the parts its handler reads, and what is not read stays in the raw JSON.
 */
@DisplayName("AsToInboundActivity: recorded Mastodon, Misskey and Mobilizon activities become typed views")
class AsToInboundActivityTest {

    @Nested
    @DisplayName("Mastodon")
    class Mastodon {
        @Test
        void aReplyIsACreateOfAnEmbeddedNoteAddressedPubliclyByCc() {
            CreateActivity create = view("mastodon/create-note-reply.json", CreateActivity.class);
            InboundActivity a = create.activity();
            assertEquals(URI.create("https://mastodon.madrid/users/felix/statuses/107224289116410645/activity"), a.id());
            assertEquals("Create", a.type());
            assertEquals(URI.create("https://mastodon.madrid/users/felix"), a.actor());
            assertEquals(Optional.of(Instant.parse("2021-11-05T11:46:50Z")), a.published());
            assertEquals(List.of("https://mastodon.madrid/users/felix/followers"), a.audience().to());
            assertTrue(a.isPublic(), "Public in cc counts (unlisted, in Mastodon's words, is still public here)");

            AsObject note = create.created().embedded().orElseThrow();
            assertEquals(Optional.of(URI.create("https://mastodon.madrid/users/felix/statuses/107224289116410645")), note.id());
            assertTrue(note.isA("Note"));
            assertEquals(Optional.of(a.actor()), note.attributedTo());
            assertEquals(note.id(), create.created().iri());
            // Not read, still there: what gets stored is the document as sent.
            assertTrue(note.json().has("contentMap") && note.json().has("inReplyTo") && note.json().has("conversation"));
            assertTrue(a.raw().has("@context"));
            assertEquals(Optional.of(a.raw().get("@context")), a.context());
        }

        @Test
        void aBoostNamesTheStatusByItsUrl() {
            AnnounceActivity boost = view("mastodon/announce-signed.json", AnnounceActivity.class);
            assertEquals(new ObjectRef.Link(URI.create("https://social.tcit.fr/@tcit/101188891162897047")), boost.announced());
            assertEquals("", boost.announced().type(), "a link says nothing of its type");
            assertTrue(boost.activity().isPublic());
            assertTrue(boost.activity().raw().has("signature"), "the LD signature stays in the raw JSON");
        }

        @Test
        void anUndoEmbedsTheBoostItTakesBack() {
            UndoActivity undo = view("mastodon/undo-announce.json", UndoActivity.class);
            assertEquals("Announce", undo.undone().type());
            AsObject boost = undo.undone().embedded().orElseThrow();
            assertEquals(Optional.of(undo.actor()), boost.actor());
            assertEquals(Optional.of(URI.create("http://mastodon.example.org/@admin/99541947525187367")), boost.object().iri());
        }

        @Test
        void aDeleteNamesItsTombstone() {
            DeleteActivity delete = view("mastodon/delete-tombstone-signed.json", DeleteActivity.class);
            assertEquals(URI.create("https://mastodon.madrid/users/felix/statuses/107773559874184870"), delete.deleted());
        }

        @Test
        void aFollowNamesTheFollowee() {
            FollowActivity follow = view("mastodon/follow.json", FollowActivity.class);
            assertEquals(Json.uri(recorded("mastodon/follow.json").get("object")).orElseThrow(), follow.followee());
            assertEquals(Optional.empty(), follow.activity().published(), "Mastodon sends none on a Follow");
        }
    }

    @Nested
    @DisplayName("Misskey")
    class Misskey {
        @Test
        void anEmojiReactionIsALikeWhoseReactionStaysInTheRawJson() {
            LikeActivity like = view("misskey/like-custom-emoji-reaction.json", LikeActivity.class);
            assertEquals(new ObjectRef.Link(URI.create("https://pleroma.local.live/objects/89937a53-2692-4631-bb62-770091267391")),
                    like.liked());
            assertEquals(":hanapog:", like.activity().raw().get("_misskey_reaction").asText());
            assertFalse(like.activity().isPublic(), "addressed to no one");
        }

        @Test
        void aNoteWithMillisecondsInItsDate() {
            CreateActivity create = view("misskey/create-note.json", CreateActivity.class);
            assertEquals(Optional.of(Instant.parse("2022-08-01T11:06:49.568Z")), create.activity().published());
            assertEquals(List.of("https://mk.absturztau.be/users/8ozbzjs3o8/followers"), create.activity().audience().cc());
            assertTrue(create.activity().isPublic());
            assertTrue(create.created().embedded().orElseThrow().isA("Note"));
        }
    }

    @Nested
    @DisplayName("Mobilizon")
    class Mobilizon {
        @Test
        void anEventKeepsItsExtensionsInItsJson() {
            CreateActivity create = view("mobilizon/create-event.json", CreateActivity.class);
            AsObject event = create.created().embedded().orElseThrow();
            assertTrue(event.isA("Event"));
            assertEquals(Optional.of(URI.create("https://test.mobilizon.org/@Alicia")), event.attributedTo());
            assertEquals(List.of("https://framapiaf.org/users/admin/followers", "https://framapiaf.org/users/tcit"), event.audience().cc());
            assertEquals("2018-02-12T14:08:20Z", event.json().get("startTime").asText());
            assertEquals("Lyon", event.json().path("location").path("address").path("addressLocality").asText());
        }

        @Test
        void aJoinNamesTheEvent() {
            JoinActivity join = view("mobilizon/join-event.json", JoinActivity.class);
            assertEquals(URI.create("https://pleroma.mkljczk.pl/objects/b800bdb9-2cbb-40b6-9b29-196cfbd42398"), join.event());
        }

        @Test
        void anAcceptOfAJoinEmbedsTheJoinWithItsActor() {
            AcceptActivity accept = view("mobilizon/accept-join.json", AcceptActivity.class);
            assertEquals("Join", accept.accepted().type());
            assertEquals(Optional.of(URI.create("https://pleroma.mkljczk.pl/users/mkljczk")),
                    accept.accepted().embedded().flatMap(AsObject::actor));
        }

        @Test
        void aLeaveHasNoView() {
            InboundActivity leave = AsToInboundActivity.convert(recorded("mobilizon/leave-event.json"));
            assertEquals("Leave", leave.type());
            assertEquals(Optional.empty(), AsToInboundActivity.view(leave), "no handler, so no view: ignored");
        }
    }

    @Test
    @DisplayName("Lemmy: a community's relay of a Create is an Announce of an embedded activity, its Page two levels down")
    void aRelayedCreateIsReadTwoLevelsDeep() {
        AnnounceActivity relay = view("lemmy/announce-create-page.json", AnnounceActivity.class);
        AsObject create = relay.announced().embedded().orElseThrow();
        assertTrue(create.isA("Create"));
        assertEquals(Optional.of(URI.create("http://enterprise.lemmy.ml/u/lemmy_beta")), create.actor());
        AsObject page = create.object().embedded().orElseThrow();
        assertTrue(page.isA("Page"));
        assertEquals(Optional.of(URI.create("http://enterprise.lemmy.ml/post/7")), page.id());
    }

    @Test
    @DisplayName("every recorded activity is read as the inbox reads it; exactly the types with a view get one")
    void everyRecordedActivity() {
        for (JsonNode entry : json(bytes("index.json"))) {
            if (!entry.path("kind").asText().equals("activity")) continue;
            String file = entry.path("file").asText();
            InboundActivity activity = InboxPipeline.parse(bytes(file)); // GoToSocial's Delete has no id: the inbox gives it one
            assertEquals(entry.path("type").asText(), activity.type(), file);
            assertEquals(entry.path("actor").asText(), activity.actor().toString(), file);
            Optional<ActivityView> view = AsToInboundActivity.view(activity);
            assertEquals(AsToInboundActivity.viewedTypes().contains(activity.type()), view.isPresent(), file);
            view.ifPresent(v -> assertEquals(activity.type() + "Activity", v.getClass().getSimpleName(), file));
        }
    }

    @Nested
    @DisplayName("the shapes peers vary in")
    class Shapes {
        @Test
        void theFirstOfSeveralTypesAndAnEmbeddedActorCount() {
            InboundActivity a = AsToInboundActivity.convert(json("""
                    {"id": "https://a.example/1", "type": ["Like", "Dislike"], "actor": {"id": "https://a.example/u", "type": "Person"},
                     "object": ["https://b.example/note"], "published": "2024-05-01T10:00:00+02:00", "to": "as:Public"}"""));
            assertEquals("Like", a.type());
            assertEquals(URI.create("https://a.example/u"), a.actor());
            assertEquals(new ObjectRef.Link(URI.create("https://b.example/note")), a.object(), "a one-element array is its element");
            assertEquals(Optional.of(Instant.parse("2024-05-01T08:00:00Z")), a.published());
            assertTrue(a.isPublic());
        }

        @Test
        void whatCannotBeReadAsOneObjectIsNone() {
            for (String object : List.of("42", "[\"https://b.example/1\", \"https://b.example/2\"]", "\"not an iri\"", "null")) {
                InboundActivity a = AsToInboundActivity.convert(json(
                        "{\"id\": \"https://a.example/1\", \"type\": \"Like\", \"actor\": \"https://a.example/u\", \"object\": " + object + "}"));
                assertEquals(ObjectRef.NONE, a.object(), object);
            }
        }

        @Test
        void anUnreadableDateIsNoDate() {
            InboundActivity a = AsToInboundActivity.convert(json(
                    "{\"id\": \"https://a.example/1\", \"type\": \"Like\", \"actor\": \"https://a.example/u\", \"published\": \"yesterday\"}"));
            assertEquals(Optional.empty(), a.published());
        }

        @Test
        void anActivityWithoutIdTypeOrActorIsMalformed() {
            assertMalformed("activity must be a JSON object", "[]");
            assertMalformed("activity id must be a string", "{\"id\": {\"id\": \"https://a.example/1\"}, \"type\": \"Like\"}");
            assertMalformed("activity needs an http(s) id", "{\"id\": \"urn:x\", \"type\": \"Like\", \"actor\": \"https://a.example/u\"}");
            assertMalformed("activity needs a type", "{\"id\": \"https://a.example/1\", \"actor\": \"https://a.example/u\"}");
            assertMalformed("activity needs an actor", "{\"id\": \"https://a.example/1\", \"type\": \"Like\"}");
        }

        @Test
        void aFollowOfNoOneIsMalformedForItsType() {
            InboundActivity follow = AsToInboundActivity.convert(json(
                    "{\"id\": \"https://a.example/1\", \"type\": \"Follow\", \"actor\": \"https://a.example/u\"}"));
            var e = assertThrows(AsToInboundActivity.Malformed.class, () -> AsToInboundActivity.view(follow));
            assertEquals("Follow without object", e.getMessage());
        }

        @Test
        void aFlagNamesEveryIriOfItsObjectWhateverTheShapeAndNeedsOne() {
            FlagActivity gts = view("gotosocial/flag.json", FlagActivity.class);
            assertEquals(List.of(URI.create("http://fossbros-anonymous.io/users/foss_satan"),
                    URI.create("http://fossbros-anonymous.io/users/foss_satan/statuses/01FVW7JHQFSFK166WWKR8CBA6M")), gts.flagged());
            assertEquals("dark souls sucks, please yeet this nerd", gts.comment());
            FlagActivity mixed = (FlagActivity) AsToInboundActivity.view(AsToInboundActivity.convert(json("""
                    {"id": "https://a.example/1", "type": "Flag", "actor": "https://a.example/actor",
                     "object": [{"id": "https://b.example/u", "type": "Person"}, 42, "not an iri", "https://b.example/u", "https://b.example/n"]}"""))).orElseThrow();
            assertEquals(List.of(URI.create("https://b.example/u"), URI.create("https://b.example/n")), mixed.flagged(), "once each, in order");
            assertEquals("", mixed.comment());
            for (String object : List.of("", ", \"object\": [42, true]", ", \"object\": {\"type\": \"Person\"}")) {
                InboundActivity flag = AsToInboundActivity.convert(json(
                        "{\"id\": \"https://a.example/2\", \"type\": \"Flag\", \"actor\": \"https://a.example/actor\"" + object + "}"));
                var e = assertThrows(AsToInboundActivity.Malformed.class, () -> AsToInboundActivity.view(flag), object);
                assertEquals("Flag without object", e.getMessage());
            }
        }

        private void assertMalformed(String message, String doc) {
            var e = assertThrows(AsToInboundActivity.Malformed.class, () -> AsToInboundActivity.convert(json(doc)));
            assertEquals(message, e.getMessage(), doc);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static <V extends ActivityView> V view(String file, Class<V> type) {
        InboundActivity activity = AsToInboundActivity.convert(recorded(file));
        return assertInstanceOf(type, AsToInboundActivity.view(activity).orElseThrow(), file);
    }

    private static ObjectNode recorded(String file) {
        return (ObjectNode) json(bytes(file));
    }

    private static byte[] bytes(String file) {
        try (InputStream in = AsToInboundActivityTest.class.getResourceAsStream("/realworld/" + file)) {
            if (in == null) throw new IllegalStateException("missing fixture " + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        return json(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode json(byte[] text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
