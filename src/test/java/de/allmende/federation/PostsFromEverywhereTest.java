package de.allmende.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.Scope;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import de.allmende.domain.post.PostKind;
import de.allmende.domain.post.Visibility;
import de.allmende.federation.json.Json;
import de.allmende.store.PostStore;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One domain model for local and remote posts (issue 9): a note a Mastodon-shaped peer sends and an event a
 * Mobilizon-shaped peer sends become the same typed post as the same note and event written here — the
 * recorded JSON of each server with this scenario's values put in, delivered signed to the inbox.
 */
@DisplayName("posts: a Mastodon note and a Mobilizon event become the same typed post as one written here")
class PostsFromEverywhereTest {
    private static final String NOTE_HTML = "<p>Der Bürgerhaushalt 2027 ist online. Vorschläge bis Ende März!</p>";
    private static TestNode node;
    private static FakeRemote remote;
    private static final PostStore POSTS = new PostStore();

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
    }

    @AfterAll
    static void stop() {
        remote.close();
        node.close();
    }

    @Test
    void mastodonNoteIsTheSamePostAsALocalNote() {
        URI localIri = node.node().services().notes.publish(node.actor("musterstadt"), NOTE_HTML);
        Post local = stored(localIri);

        FakeRemote.Actor anna = remote.actor("anna");
        ObjectNode create = recorded("mastodon/create-note-reply.json");
        ObjectNode note = (ObjectNode) create.get("object");
        URI noteIri = remote.newId("statuses");
        note.put("id", noteIri.toString()).put("attributedTo", anna.id().toString()).put("url", noteIri.toString())
                .put("content", NOTE_HTML).put("atomUri", noteIri.toString());
        note.putObject("contentMap").put("de", NOTE_HTML);
        note.remove(List.of("inReplyTo", "inReplyToAtomUri", "conversation", "replies"));
        note.putArray("tag");
        address(note, List.of(Audience.PUBLIC.toString()), List.of(anna.id() + "/followers"));
        deliver(create, anna);
        Post received = awaitStored(noteIri);

        assertEquals(PostKind.NOTE, received.kind());
        assertEquals(Visibility.PUBLIC, received.visibility());
        assertEquals(new Origin.Remote(remote.base().getRawAuthority(), false), received.origin());
        assertEquals(1, node.count("SELECT count(*) FROM domain_event WHERE kind = 'post_created' AND subject = '" + noteIri + "'"),
                "what happened is recorded with the post, for the consumers to come (notifications, timelines, search)");
        assertEquals(substance(local), substance(received));
    }

    @Test
    void mobilizonEventIsTheSamePostAsALocalEvent() {
        StaffClient staff = StaffClient.issue(node, "musterstadt", Scope.WRITE_CONTENT);
        ObjectNode input = ContentFixtures.werkstatt(URI.create("https://unused.example/p"));
        input.remove(List.of("project", "onlineUrl", "registrationUrl"));
        input.put("joinMode", "free");
        ((ObjectNode) input.get("title")).remove("en");
        ((ObjectNode) input.get("summary")).remove("en");
        var created = staff.post("/events", input.toString());
        assertEquals(201, created.statusCode(), created.body());
        Post local = stored(URI.create(StaffClient.json(created).get("iri").asText()));

        FakeRemote.Actor kulturamt = remote.actor("kulturamt");
        ObjectNode event = recorded("mobilizon/event.json");
        URI eventIri = remote.newId("events");
        event.put("id", eventIri.toString()).put("url", eventIri.toString()).put("actor", kulturamt.id().toString())
                .put("attributedTo", kulturamt.id().toString()).put("name", "Werkstatt Bürgerhaushalt")
                .put("summary", "Wir sammeln Ideen für den Haushalt 2027.").put("inLanguage", "de")
                .put("content", local.content().texts().get("de"))
                .put("startTime", "2026-03-03T18:00:00+01:00").put("endTime", "2026-03-03T20:30:00+01:00").put("timezone", "Europe/Berlin")
                .put("published", Instant.now().toString());
        event.remove(List.of("contacts", "attachment"));
        ObjectNode place = event.putObject("location").put("type", "Place").put("name", "Rathaus Musterstadt, Sitzungssaal");
        place.putObject("address").put("type", "PostalAddress").put("addressLocality", "Musterstadt");
        ArrayNode tags = event.putArray("tag");
        local.hashtags().forEach(h -> tags.addObject().put("type", "Hashtag").put("name", "#" + h));
        address(event, List.of(Audience.PUBLIC.toString()), List.of(kulturamt.id() + "/followers"));
        ObjectNode create = remote.create(kulturamt, event);
        deliver(create, kulturamt);
        Post received = awaitStored(eventIri);

        assertEquals(PostKind.EVENT, received.kind());
        assertEquals(local.event(), received.event(), "when and where");
        assertEquals(substance(local), substance(received));
    }

    @Test
    @DisplayName("a post that mentions a municipality here records that it was mentioned; a mention of a stranger does not")
    void mentionsOfLocalAccountsAreRecorded() {
        FakeRemote.Actor bernd = remote.actor("bernd");
        ObjectNode create = recorded("mastodon/create-note-reply.json");
        ObjectNode note = (ObjectNode) create.get("object");
        URI noteIri = remote.newId("statuses");
        URI musterstadt = node.actorIri("musterstadt");
        note.put("id", noteIri.toString()).put("attributedTo", bernd.id().toString()).put("content", "<p>@musterstadt Danke!</p>");
        note.remove(List.of("contentMap", "inReplyTo", "inReplyToAtomUri", "conversation", "replies"));
        ArrayNode tags = note.putArray("tag");
        tags.addObject().put("type", "Mention").put("href", musterstadt.toString()).put("name", "@musterstadt");
        tags.addObject().put("type", "Mention").put("href", "https://elsewhere.example/users/x").put("name", "@x@elsewhere.example");
        tags.addObject().put("type", "Mention").put("href", node.url() + "/actors/nobody").put("name", "@nobody");
        address(note, List.of(Audience.PUBLIC.toString()), List.of(musterstadt.toString()));
        deliver(create, bernd);
        assertEquals(List.of(musterstadt, URI.create("https://elsewhere.example/users/x"), URI.create(node.url() + "/actors/nobody")),
                awaitStored(noteIri).mentions());
        assertEquals(List.of(musterstadt.toString()), node.node().services().db.dsl()
                .fetch("SELECT payload->>'mentioned' FROM domain_event WHERE kind = 'mentioned' AND subject = ?", noteIri.toString())
                .getValues(0, String.class));
    }

    /** Everything but who wrote it where and when: identity, addressing by actor IRIs, origin, times. */
    private static Post substance(Post p) {
        URI none = URI.create("https://same.example/");
        return new Post(none, none, p.kind(), new Audience(Set.of(), Set.of()), p.visibility(), p.inReplyTo(), p.conversation(), p.reblogOf(),
                p.name(), p.summary(), p.content(), p.sensitive(), p.hashtags(), p.mentions(), p.attachments(), p.event(),
                Instant.EPOCH, Optional.empty(), Optional.empty(), Origin.LOCAL);
    }

    private static void address(ObjectNode object, List<String> to, List<String> cc) {
        ArrayNode t = object.putArray("to");
        to.forEach(t::add);
        ArrayNode c = object.putArray("cc");
        cc.forEach(c::add);
    }

    private static void deliver(ObjectNode activity, FakeRemote.Actor by) {
        activity.put("actor", by.id().toString()).put("id", remote.newId("activities").toString());
        var answer = remote.post(URI.create(node.url() + "/inbox"), activity).send();
        assertEquals(202, answer.status(), answer::toString);
    }

    private static Post stored(URI iri) {
        return POSTS.find(node.node().services().db.dsl(), iri).orElseThrow(() -> new AssertionError("no post " + iri)).post();
    }

    private static Post awaitStored(URI iri) {
        TestNode.await("the post " + iri + " is stored", () -> POSTS.find(node.node().services().db.dsl(), iri).isPresent());
        return stored(iri);
    }

    private static ObjectNode recorded(String file) {
        try (InputStream in = PostsFromEverywhereTest.class.getResourceAsStream("/realworld/" + file)) {
            JsonNode doc = Json.MAPPER.readTree(in);
            return (ObjectNode) doc;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
