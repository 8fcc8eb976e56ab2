package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static de.allmende.federation.inbox.HostileInbox.assertRejected;

/**
 * What the hostile-input suite found in the origin rules after strict parsing: values they could not
 * read were skipped instead of refused, a type array hid a Create, and an id given as an object was
 * stored as "". Each is a correctly signed activity by alice that must be refused and write nothing.
 */
@DisplayName("inbox: the origin rules refuse what they cannot read")
class InboxOriginReadingTest extends HostileInboxScenario {
    /** Hosts java.net.URI does not parse as hosts (getHost() is null), which browsers and other servers do. */
    private static final String[] UNREADABLE_HOSTS = {"münchen.example", "0x7f.1", "my_town.example", "127.0.0.1."};

    @Test
    @DisplayName("a Create's object on a host java.net.URI cannot read (münchen.example, 0x7f.1, my_town.example) → 400")
    void objectOnUnreadableHost() {
        for (String host : UNREADABLE_HOSTS) {
            ObjectNode byReference = remote.createNote(alice, "x");
            byReference.put("object", "https://" + host + "/notes/1");
            assertRejected(node, before, remote.post(sharedInbox(), byReference).send(), 400, "object id");
            ObjectNode embedded = remote.createNote(alice, "x");
            ((ObjectNode) embedded.get("object")).put("id", "https://" + host + "/notes/2");
            assertRejected(node, before, remote.post(sharedInbox(), embedded).send(), 400, "object id");
        }
    }

    @Test
    @DisplayName("a note attributed to someone on such a host → 400, alone or next to the actor in an array")
    void authorOnUnreadableHost() {
        for (String host : UNREADABLE_HOSTS) {
            ObjectNode alone = remote.createNote(alice, "x");
            ((ObjectNode) alone.get("object")).put("attributedTo", "https://" + host + "/users/mayor");
            assertRejected(node, before, remote.post(sharedInbox(), alone).send(), 400, "attributedTo");
            ObjectNode together = remote.createNote(alice, "x");
            ((ObjectNode) together.get("object")).putArray("attributedTo").add(alice.id().toString()).add("https://" + host + "/users/mayor");
            assertRejected(node, before, remote.post(sharedInbox(), together).send(), 400, "attributedTo");
        }
    }

    @Test
    @DisplayName("a Create's object that is no IRI at all (\"x\", \"\") → 400")
    void objectNoIri() {
        for (String notAnIri : new String[]{"x", "", "  "}) {
            ObjectNode a = remote.createNote(alice, "x");
            a.put("object", notAnIri);
            assertRejected(node, before, remote.post(sharedInbox(), a).send(), 400, "object id");
        }
    }

    @Test
    @DisplayName("type [\"Note\", \"Create\"] is held to the rules of a Create: an object elsewhere → 403")
    void createHiddenInTypeArray() {
        ObjectNode a = remote.createNote(alice, "x");
        a.putArray("type").add("Note").add("Create");
        ((ObjectNode) a.get("object")).put("id", "https://victim.example/notes/1");
        assertRejected(node, before, remote.post(sharedInbox(), a).send(), 403, "host");
    }

    @Test
    @DisplayName("an activity id given as {\"id\": …} or [ … ] → 400 (it was stored as \"\", and later ones deduplicated against it)")
    void idNotAString() {
        ObjectNode asObject = remote.createNote(alice, "x");
        String id = asObject.get("id").asText();
        asObject.putObject("id").put("id", id);
        assertRejected(node, before, remote.post(sharedInbox(), asObject).send(), 400, "id");
        ObjectNode asArray = remote.createNote(alice, "x");
        asArray.putArray("id").add(id + "-array");
        assertRejected(node, before, remote.post(sharedInbox(), asArray).send(), 400, "id");
    }
}
