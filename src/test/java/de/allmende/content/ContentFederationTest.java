package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ObjectProof;
import de.allmende.federation.content.AsToContent;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.Media;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of content, end to end: Musterstadt publishes it; Beispieldorf's node (a follower) and
 * the independent Fedify peer (another follower) receive it signed; the receiving node reads it
 * back into the same domain values; an edit and a deletion follow the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentFederationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestNode publisher;
    private TestNode follower;
    private InteropPeer peer;
    private LocalActor musterstadt;

    @BeforeAll
    void start() {
        publisher = TestNode.start();
        follower = TestNode.start();
        musterstadt = publisher.create(Fixtures.musterstadt());
        follower.create(Fixtures.beispieldorf());
        follower.node().services().federation.outbox.follow(follower.actor("beispieldorf"), publisher.actorIri("musterstadt"));
        peer = InteropPeer.start(repoRoot());
        peer.follow(publisher.actorIri("musterstadt").toString());
        TestNode.await("both followers accepted", WAIT,
                () -> publisher.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 2);
    }

    @AfterAll
    void stop() {
        if (peer != null) peer.close();
        if (follower != null) follower.close();
        if (publisher != null) publisher.close();
    }

    @Test
    void everyKindIsPublishedReceivedUpdatedAndDeleted() {
        var content = publisher.node().services().content;
        Content project = content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        URI p = project.iri();
        String pdf = Media.pdf(publisher, "musterstadt", "musterbeschluss.pdf").toString();
        ObjectNode[] inputs = {
                ContentFixtures.offenerHaushalt(), ContentFixtures.werkstatt(p), ContentFixtures.ratFruehEinbinden(p),
                ContentFixtures.musterbeschluss(pdf), ContentFixtures.haushaltUpdate(p)};
        ContentKind[] kinds = {ContentKind.PROJECT, ContentKind.EVENT, ContentKind.LESSON, ContentKind.AID, ContentKind.UPDATE};
        arrives(project);
        for (int i = 1; i < kinds.length; i++) {
            Content c = content.create(musterstadt, kinds[i], inputs[i]);
            arrives(c);

            ObjectNode edited = inputs[i].deepCopy();
            edited.putObject("title").put("de", "Geändert: " + kinds[i].label());
            Content updated = content.update(musterstadt, kinds[i], c.id().orElseThrow(), edited);
            TestNode.await(kinds[i] + " edit arrives", WAIT, () -> received(c.iri())
                    .map(o -> o.raw().path("name").asText().startsWith("Geändert")).orElse(false));
            assertEquals(updated.details(), AsToContent.convert(received(c.iri()).orElseThrow().raw()).orElseThrow().details());
            peer.awaitInbox(a -> "Update".equals(a.path("type").asText()) && objectId(a).equals(c.iri().toString()), WAIT);

            content.delete(musterstadt, kinds[i], c.id().orElseThrow());
            TestNode.await(kinds[i] + " deletion arrives", WAIT, () -> received(c.iri()).map(o -> o.deleted().isPresent()).orElse(false));
            peer.awaitInbox(a -> "Delete".equals(a.path("type").asText()) && objectId(a).equals(c.iri().toString()), WAIT);
            assertEquals(410, publisher.get(c.iri().getRawPath(), "application/activity+json").statusCode());
        }
    }

    /** Received by both followers, signed; on the follower node it reads back into the same values. */
    private void arrives(Content c) {
        TestNode.await(c.kind() + " arrives at the follower node", WAIT, () -> received(c.iri()).isPresent());
        ObjectStore.StoredObject stored = received(c.iri()).orElseThrow();
        assertEquals(c.kind().asType(), stored.type());
        Content parsed = AsToContent.convert(stored.raw()).orElseThrow(() -> new AssertionError("follower cannot read " + stored.raw()));
        assertEquals(c.details(), parsed.details(), c.kind() + ": the follower has the same values");

        JsonNode create = peer.awaitInbox(a -> "Create".equals(a.path("type").asText()) && objectId(a).equals(c.iri().toString()), WAIT);
        assertTrue(create.path("signatureVerified").asBoolean(), "Fedify verified the signature of " + c.kind() + ": " + create);
        assertEquals(c.kind().asType(), create.path("activity").path("object").path("type").asText());
        String key = publisher.actorIri("musterstadt") + "#ed25519-key";
        for (String path : new String[]{"activity", "object"}) {
            JsonNode report = peer.proofReport(create.path("id").asText(), path);
            assertTrue(report.path("verified").asBoolean(), "Fedify verified the FEP-8b32 proof of the " + path + ": " + report);
            assertEquals(key, report.path("keyId").asText());
        }
        assertEquals(Optional.of(ObjectProof.verified(key)), received(c.iri()).orElseThrow().proof(), "the follower node verified the proof too");
    }

    private Optional<ObjectStore.StoredObject> received(URI iri) {
        return new ObjectStore().find(follower.node().services().db.dsl(), iri.toString());
    }

    private static String objectId(JsonNode entry) {
        JsonNode o = entry.path("activity").path("object");
        return o.isTextual() ? o.asText() : o.path("id").asText();
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found");
        return p;
    }
}
