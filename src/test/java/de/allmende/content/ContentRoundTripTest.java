package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.crypto.Multikey;
import de.allmende.domain.LocalActor;
import de.allmende.federation.content.AsToContent;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.Media;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind: staff input → stored domain values → the published JSON-LD (proof verifies) → read
 * back into exactly the same domain values, as a receiving node does.
 */
class ContentRoundTripTest {
    static TestNode node;
    static LocalActor musterstadt;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        musterstadt = node.actor("musterstadt");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyKindRoundTripsThroughActivityStreams() throws Exception {
        var content = node.node().services().content;
        Content project = content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        URI p = project.iri();
        assertRoundTrip(project);
        assertRoundTrip(content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(p)));
        assertRoundTrip(content.create(musterstadt, ContentKind.LESSON, ContentFixtures.ratFruehEinbinden(p)));
        String pdf = Media.pdf(node, "musterstadt", "musterbeschluss.pdf").toString();
        assertRoundTrip(content.create(musterstadt, ContentKind.AID, ContentFixtures.musterbeschluss(pdf)));
        assertRoundTrip(content.create(musterstadt, ContentKind.UPDATE, ContentFixtures.haushaltUpdate(p)));

        Content moved = content.get(musterstadt, ContentKind.PROJECT, project.id().orElseThrow());
        assertEquals("verstetigt", ((Project) moved.details()).status().value().code(), "the update moved the project's status");
        assertRoundTrip(moved);
    }

    @Test
    void namedOrganisersRoundTripAndTheMunicipalityOrganisesOtherwise() throws Exception {
        var content = node.node().services().content;
        Content project = content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        ObjectNode input = ContentFixtures.werkstatt(project.iri());
        input.putArray("organisers").add("https://beispieldorf.example/actors/beispieldorf");
        Content event = content.create(musterstadt, ContentKind.EVENT, input);
        assertRoundTrip(event);
        JsonNode published = GoldenJson.JSON.readTree(node.get(event.iri().getRawPath(), "application/activity+json").body());
        assertEquals("https://beispieldorf.example/actors/beispieldorf", published.at("/organizers/items/0").asText());

        Content own = content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(project.iri()));
        JsonNode ownPublished = GoldenJson.JSON.readTree(node.get(own.iri().getRawPath(), "application/activity+json").body());
        assertEquals(node.actorIri("musterstadt").toString(), ownPublished.at("/organizers/items/0").asText(), "FEP-8a8e: organizers is always given");
    }

    @Test
    void anEventCategoryWeDoNotKnowReadsAsMeetingAsInMobilizon() throws Exception {
        var content = node.node().services().content;
        Content project = content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        Content event = content.create(musterstadt, ContentKind.EVENT, ContentFixtures.werkstatt(project.iri()));
        ObjectNode published = (ObjectNode) GoldenJson.JSON.readTree(node.get(event.iri().getRawPath(), "application/activity+json").body());
        published.put("category", "PARTY");
        Event read = (Event) AsToContent.convert(published).orElseThrow().details();
        assertEquals(de.allmende.content.vocab.EventCategory.MEETING, read.category());
    }

    private static void assertRoundTrip(Content c) throws Exception {
        ObjectNode published = (ObjectNode) GoldenJson.JSON.readTree(node.get(c.iri().getRawPath(), "application/activity+json").body());
        assertTrue(verify(published), c.kind() + ": proof verifies");
        Content parsed = AsToContent.convert(published).orElseThrow(() -> new AssertionError(c.kind() + " did not parse: "
                + AsToContent.toInput(c.kind(), published)));
        assertEquals(c.details(), parsed.details(), c.kind() + ": same domain values after the round trip");
        assertEquals(c.iri(), parsed.iri());
        assertEquals(c.author(), parsed.author());
    }

    private static boolean verify(ObjectNode doc) throws Exception {
        JsonNode actor = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());
        return DataIntegrityProof.verify(doc, vm -> {
            for (JsonNode k : actor.get("assertionMethod")) {
                if (k.get("id").asText().equals(vm)) return Optional.of(Multikey.decodeEd25519PublicKey(k.get("publicKeyMultibase").asText()));
            }
            return Optional.empty();
        }).valid();
    }
}
