package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Mobilizon user's Join of one of our events gets an Ignore (FEP-8a8e), once. */
class EventJoinTest {

    @Test
    void joiningOurEventIsAnsweredWithIgnore() throws Exception {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            var musterstadt = node.create(Fixtures.musterstadt());
            var content = node.node().services().content;
            URI project = content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt()).iri();
            URI event = content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(project)).iri();
            FakeRemote.Actor anna = remote.actor("anna");
            ObjectNode join = remote.activity(anna, "Join");
            join.put("object", event.toString());
            join.putArray("to").add(node.actorIri("musterstadt").toString());
            join.put("participationMessage", "Ich komme gern!");

            URI inbox = URI.create(node.url() + "/actors/musterstadt/inbox");
            assertEquals(202, remote.post(inbox, join).send().status());
            assertEquals(202, remote.post(inbox, join).send().status(), "a repeated Join changes nothing");
            TestNode.await("Ignore delivered", () -> ignores(remote) == 1);
            JsonNode ignore = remote.received().stream().filter(r -> r.path().equals(anna.inbox().getRawPath()))
                    .map(r -> read(r.body())).filter(a -> "Ignore".equals(a.path("type").asText())).findFirst().orElseThrow();
            assertEquals(node.actorIri("musterstadt").toString(), ignore.path("actor").asText());
            assertEquals(join.get("id").asText(), ignore.path("object").path("id").asText(), "the Ignore embeds the Join");
            TestNode.awaitQuiet(node);
            assertEquals(1, ignores(remote));
        }
    }

    private static long ignores(FakeRemote remote) {
        return remote.received().stream().map(r -> read(r.body())).filter(a -> "Ignore".equals(a.path("type").asText())).count();
    }

    private static JsonNode read(byte[] body) {
        try {
            return body.length == 0 ? GoldenJson.JSON.createObjectNode() : GoldenJson.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return GoldenJson.JSON.createObjectNode();
        }
    }
}
