package de.allmende.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.Scope;
import de.allmende.federation.content.AsToContent;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of content, end to end: Musterstadt's staff create it through the staff API (with a
 * real upload for the working aid's file); Beispieldorf's node (a follower) and
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
        follower.node().services().follows.follow(follower.actor("beispieldorf"), publisher.actorIri("musterstadt"));
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
    void everyKindIsCreatedViaTheStaffApiReceivedUpdatedAndDeleted() {
        StaffClient staff = StaffClient.issue(publisher, "musterstadt", Scope.WRITE_CONTENT, Scope.READ_CONTENT, Scope.WRITE_MEDIA);
        JsonNode project = created(staff, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
        URI p = URI.create(project.get("iri").asText());
        HttpResponse<String> upload = staff.upload(new Multipart()
                .file("file", "musterbeschluss.pdf", "application/pdf", SampleFiles.pdf()).field("description", "Musterbeschluss (PDF)"));
        assertEquals(201, upload.statusCode(), upload.body());
        String pdf = StaffClient.json(upload).get("id").asText();
        ObjectNode[] inputs = {ContentFixtures.werkstatt(p), ContentFixtures.ratFruehEinbinden(p),
                ContentFixtures.musterbeschluss(pdf), ContentFixtures.haushaltUpdate(p)};
        ContentKind[] kinds = {ContentKind.EVENT, ContentKind.LESSON, ContentKind.AID, ContentKind.UPDATE};
        for (int i = 0; i < kinds.length; i++) {
            ContentKind kind = kinds[i];
            JsonNode c = created(staff, kind, inputs[i]);
            String id = c.get("id").asText();
            URI iri = URI.create(c.get("iri").asText());

            ObjectNode edited = inputs[i].deepCopy();
            edited.putObject("title").put("de", "Geändert: " + kind.label());
            HttpResponse<String> put = staff.put("/" + kind.plural() + "/{id}", edited.toString(), id);
            assertEquals(200, put.statusCode(), put.body());
            TestNode.await(kind + " edit arrives", WAIT, () -> received(iri)
                    .map(o -> o.raw().path("name").asText().startsWith("Geändert")).orElse(false));
            assertEquals(published(kind, id).details(), AsToContent.convert(received(iri).orElseThrow().raw()).orElseThrow().details(),
                    kind + ": the follower has the edited values");
            peer.awaitInbox(a -> "Update".equals(a.path("type").asText()) && objectId(a).equals(iri.toString()), WAIT);

            assertEquals(204, staff.delete("/" + kind.plural() + "/{id}", id).statusCode());
            TestNode.await(kind + " deletion arrives", WAIT, () -> received(iri).map(o -> o.deleted().isPresent()).orElse(false));
            peer.awaitInbox(a -> "Delete".equals(a.path("type").asText()) && objectId(a).equals(iri.toString()), WAIT);
            assertEquals(410, publisher.get(iri.getRawPath(), "application/activity+json").statusCode());
        }
        Project moved = (Project) published(ContentKind.PROJECT, project.get("id").asText()).details();
        assertEquals("verstetigt", moved.status().value().code(), "the update moved the project");
    }

    /** Creates via the staff API and checks that both followers receive it. */
    private JsonNode created(StaffClient staff, ContentKind kind, ObjectNode input) {
        HttpResponse<String> r = staff.post("/" + kind.plural(), input.toString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode c = StaffClient.json(r);
        arrives(published(kind, c.get("id").asText()));
        return c;
    }

    private Content published(ContentKind kind, String id) {
        return publisher.node().services().content.get(musterstadt, kind, java.util.UUID.fromString(id));
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
