package de.allmende.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.crypto.Multikey;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a node publishes carries an FEP-8b32 proof that verifies with the key in the actor's assertionMethod. */
class PublishedProofTest {

    @Test
    void notesAndTheirActivitiesVerifyFromTheActorDocumentAlone() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            var services = node.node().services();
            var noteIri = services.notes.publish(node.actor("musterstadt"), "<p>Bürgerhaushalt 2027: Vorschläge bis Ende März</p>");
            JsonNode actor = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());
            String path = noteIri.getRawPath();

            ObjectNode note = (ObjectNode) GoldenJson.JSON.readTree(node.get(path, "application/activity+json").body());
            assertTrue(verify(note, actor), "note proof verifies");
            ObjectNode tampered = note.deepCopy().put("content", "<p>gefälscht</p>");
            assertFalse(verify(tampered, actor), "a changed note no longer verifies");

            services.notes.edit(node.actor("musterstadt"), noteIri, "<p>Vorschläge bis Ende April</p>");
            ObjectNode edited = (ObjectNode) GoldenJson.JSON.readTree(node.get(path, "application/activity+json").body());
            assertEquals("<p>Vorschläge bis Ende April</p>", edited.get("content").asText());
            assertTrue(verify(edited, actor), "an edited note is signed again");

            String outboxPage = node.get("/actors/musterstadt/outbox?page=true", "application/activity+json").body();
            JsonNode create = GoldenJson.JSON.readTree(outboxPage).get("orderedItems").get(0);
            assertEquals("Create", create.get("type").asText());
            assertTrue(create.get("object").has("proof"), "the embedded note keeps its own proof");
        }
    }

    private static boolean verify(ObjectNode doc, JsonNode actor) {
        return DataIntegrityProof.verify(doc, vm -> {
            for (JsonNode k : actor.get("assertionMethod")) {
                if (k.get("id").asText().equals(vm)) return Optional.of(Multikey.decodeEd25519PublicKey(k.get("publicKeyMultibase").asText()));
            }
            return Optional.empty();
        }).valid();
    }
}
