package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.FakeRemote.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static de.allmende.federation.inbox.HostileInbox.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Correctly signed bodies that could mean one thing to their signer and another to us, or cannot be
 * stored: each is refused with the right 4xx and writes nothing (finding 9 of issue 8).
 */
@DisplayName("inbox: signed bodies are read strictly")
class InboxStrictParsingTest extends HostileInboxScenario {
    /** A valid Create by alice, as UTF-8 text, for byte-level surgery. */
    private static String createText(String content) {
        return remote.createNote(alice, content).toString();
    }

    private static Response postSigned(byte[] body) {
        return remote.post(sharedInbox(), body).by(alice).send();
    }

    private static Response postSigned(String body) {
        return postSigned(body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertBadJson(Response r) {
        assertRejected(node, before, r, 400, "JSON");
    }

    @Test
    @DisplayName("trailing content or a second JSON value after the activity → 400")
    void trailingContent() {
        String create = createText("x");
        assertBadJson(postSigned(create + " garbage"));
        assertBadJson(postSigned(create + createText("second")));
        assertBadJson(postSigned(create + "\n{}"));
        assertBadJson(postSigned(create + "]"));
    }

    @Test
    @DisplayName("numbers that overflow to Infinity (1e999999, -1e400) → 400")
    void nonFiniteNumbers() {
        assertBadJson(postSigned(createText("x").replaceFirst("\\{", "{\"n\":1e999999,")));
        assertBadJson(postSigned(createText("x").replaceFirst("\\{", "{\"n\":-1e400,")));
        assertBadJson(postSigned(createText("x").replaceFirst("\\{", "{\"n\":NaN,")));
    }

    @Test
    @DisplayName("lone surrogates, escaped or as bytes; invalid and overlong UTF-8 → 400")
    void invalidText() {
        assertBadJson(postSigned(createText("MARK").replace("MARK", "\\ud800")));
        assertBadJson(postSigned(createText("MARK").replace("MARK", "a\\udc00b")));
        assertBadJson(postSigned(withBytesAt(createText("MARK"), "MARK", 0xED, 0xA0, 0x80)));
        assertBadJson(postSigned(withBytesAt(createText("MARK"), "MARK", 0xFF)));
        assertBadJson(postSigned(withBytesAt(createText("MARK"), "MARK", 0xC0, 0xAF)));
        assertBadJson(postSigned(withBytesAt(createText("MARK"), "MARK", 0xC3)));
    }

    @Test
    @DisplayName("UTF-16 bodies (with or without BOM) and a UTF-8 BOM → 400")
    void otherEncodings() {
        String create = createText("x");
        assertBadJson(postSigned(create.getBytes(StandardCharsets.UTF_16LE)));
        assertBadJson(postSigned(create.getBytes(StandardCharsets.UTF_16))); // big-endian with BOM
        assertBadJson(postSigned(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, create.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    @DisplayName("duplicate keys (a second actor, a second object id) → 400")
    void duplicateKeys() {
        assertBadJson(postSigned(createText("x").replaceFirst("\\{", "{\"actor\":\"" + bob.id() + "\",")));
        ObjectNode create = remote.createNote(alice, "x");
        String objectId = create.path("object").path("id").asText();
        assertBadJson(postSigned(create.toString().replace("\"id\":\"" + objectId + "\"",
                "\"id\":\"" + objectId + "\",\"id\":\"https://victim.example/notes/1\"")));
    }

    @Test
    @DisplayName("nesting deeper than the limit → 400")
    void deepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertBadJson(postSigned(createText("x").replaceFirst("\\{", "{\"deep\":" + deep + ",")));
    }

    @Test
    @DisplayName("media types that only start like ours → 415; ours with parameters → 202")
    void exactMediaTypes() {
        for (String type : List.of("application/activity+jsonfoo", "application/ld+jsonx", "application/jsonp",
                "application/json-patch+json", "application/activity+json, text/html", "application/activity+json; charset=utf-16",
                "application/ld+json; profile=\"unterminated")) {
            assertRejected(node, before, remote.post(sharedInbox(), remote.createNote(alice, "x")).contentType(type).send(), 415, "content type");
        }
        for (String type : List.of("application/activity+json", "Application/Activity+JSON; charset=UTF-8", "application/json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", "application/ld+json")) {
            Response r = remote.post(sharedInbox(), remote.createNote(alice, "as " + type)).contentType(type).send();
            assertEquals(202, r.status(), () -> type + " → " + r);
        }
    }

    @Test
    @DisplayName("attributedTo as an array or objects with any entry on another server, or an object's actor elsewhere → 403")
    void attributionInEveryEntry() {
        String victim = "https://victim.example/users/mallory";
        ObjectNode array = remote.createNote(alice, "x");
        ((ObjectNode) array.get("object")).putArray("attributedTo").add(alice.id().toString()).add(victim);
        assertRejected(node, before, remote.post(sharedInbox(), array).send(), 403, "attributed");
        ObjectNode objects = remote.createNote(alice, "x");
        var entries = ((ObjectNode) objects.get("object")).putArray("attributedTo");
        entries.addObject().put("type", "Person").put("id", alice.id().toString());
        entries.addObject().put("type", "Group").put("id", victim);
        assertRejected(node, before, remote.post(sharedInbox(), objects).send(), 403, "attributed");
        ObjectNode single = remote.createNote(alice, "x");
        ((ObjectNode) single.get("object")).putObject("attributedTo").put("id", victim);
        assertRejected(node, before, remote.post(sharedInbox(), single).send(), 403, "attributed");
        ObjectNode actor = remote.createNote(alice, "x");
        ((ObjectNode) actor.get("object")).put("actor", victim);
        assertRejected(node, before, remote.post(sharedInbox(), actor).send(), 403, "attributed");
    }

    @Test
    @DisplayName("a Create of several objects, one of them on another server → 403")
    void everyObjectOfSeveral() {
        ObjectNode create = remote.createNote(alice, "x");
        ObjectNode own = (ObjectNode) create.remove("object");
        var objects = create.putArray("object");
        objects.add(own);
        objects.addObject().put("id", "https://victim.example/notes/1").put("type", "Note");
        assertRejected(node, before, remote.post(sharedInbox(), create).send(), 403, "host");
    }

    private static byte[] withBytesAt(String text, String marker, int... bytes) {
        int at = text.indexOf(marker);
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] middle = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) middle[i] = (byte) bytes[i];
        return concat(concat(head, middle), tail);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
