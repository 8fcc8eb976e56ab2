package de.allmende.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.content.AsToContent;
import de.allmende.federation.content.ContentToAs;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Content from another Allmende node — possibly a newer version with terms we do not know yet. */
class RemoteContentTest {

    @Test
    void aRemoteProjectIsReadIntoTheDomainModelAndItsUnknownFieldsAreKept() throws Exception {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            FakeRemote.Actor dorf = remote.actor("beispieldorf");
            URI iri = remote.newId("objects");
            Instant published = Instant.parse("2026-03-01T10:00:00Z");
            var details = ContentInput.parse(ContentKind.PROJECT, ContentFixtures.offenerHaushalt(), MediaLookup.NONE);
            ObjectNode page = ContentToAs.convert(new Content(Optional.empty(), iri, dorf.id(), published, published, details),
                    URI.create(dorf.id() + "/followers"));
            page.put("budgetEuro", 250000); // a term from a future version of the vocabulary
            page.putObject("futureStructure").put("nested", true);

            int status = remote.post(URI.create(node.url() + "/inbox"), remote.create(dorf, page)).send().status();
            assertEquals(202, status);
            TestNode.await("the project is stored", () -> find(node, iri).isPresent());

            ObjectNode raw = find(node, iri).orElseThrow().raw();
            assertEquals(250000, raw.get("budgetEuro").asInt(), "unknown fields are kept");
            assertEquals(true, raw.at("/futureStructure/nested").asBoolean());
            Content parsed = AsToContent.convert(raw).orElseThrow();
            assertEquals(details, parsed.details(), "and the known ones read into the same domain values");
            assertEquals(dorf.id(), parsed.author());
        }
    }

    private static Optional<ObjectStore.StoredObject> find(TestNode node, URI iri) {
        return new ObjectStore().find(node.node().services().db.dsl(), iri.toString());
    }
}
