package de.allmende.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.coordinator.Provenance;
import de.allmende.store.ProvenanceStore;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backfill survives a restart: a slow municipality server serves an outbox of four pages; the coordinator's node
 * stops after the first page is done and starts again, now as two processes on the database. The backfill goes on
 * at the first page not done, and no page is fetched twice.
 */
@DisplayName("Coordinator: a backfill continues after a restart")
class BackfillRestartTest {
    private static final int PAGES = 4;
    private static final int PER_PAGE = 3;

    @Test
    void aRestartInTheMiddleContinuesWithoutFetchingDonePagesAgain() {
        try (FakeRemote remote = FakeRemote.start()) {
            FakeRemote.Actor amt = remote.actor("amt");
            Outbox outbox = servePagedOutbox(remote, amt);
            remote.answerGetsAfter(Duration.ofMillis(300));

            TestNode first = TestNode.start();
            TestNode restarted = null;
            TestNode sibling = null;
            try {
                LocalActor coordinator = first.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
                first.node().services().coordinators.subscribeByHandle(coordinator, "amt@" + remote.base().getRawAuthority());
                TestNode.await("the first page done", () -> pagesDone(first) >= 1);
                first.close();
                long doneAtStop = pagesDone(first.database());
                assertTrue(doneAtStop < PAGES, "stopped in the middle, after " + doneAtStop + " pages");

                restarted = first.restarted();
                sibling = restarted.sibling(Map.of());
                TestNode node = restarted;
                TestNode.await("the backfill done", Duration.ofSeconds(30), () -> node.count(
                        "SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 1);

                for (int p = 1; p <= PAGES; p++) {
                    assertEquals(1, remote.fetches(pagePath(amt, p)), "page " + p + " fetched once");
                }
                assertEquals(PAGES, node.count("SELECT pages_done FROM coordinator_backfill"));
                List<Provenance> provenance = new ProvenanceStore().byAuthor(node.node().services().db.dsl(), amt.id());
                assertEquals(PAGES * PER_PAGE, provenance.size(), "every note");
                assertTrue(provenance.stream().allMatch(p -> p.via() == Provenance.Via.BACKFILL));
                assertEquals(List.of(outbox.badlySigned()), provenance.stream().filter(p -> p.proof() == ObjectProof.Status.INVALID)
                        .map(Provenance::object).toList(), "a proof that does not verify is recorded as invalid");
                assertEquals(PAGES * PER_PAGE - 1, provenance.stream().filter(p -> p.proof() == ObjectProof.Status.ABSENT).count());
                assertEquals(0, node.count("SELECT count(*) FROM post WHERE iri = '" + outbox.deleted() + "'"),
                        "a Delete listed before its Create keeps the object from coming back");
                assertEquals(1, node.count("SELECT count(*) FROM ap_object WHERE type = 'Tombstone' AND deleted IS NOT NULL AND iri = '"
                        + outbox.deleted() + "'"));
                assertEquals(PAGES * PER_PAGE - 1, node.count("SELECT count(*) FROM post WHERE deleted IS NULL"));
                assertEquals(1, node.count("SELECT count(*) FROM ap_object WHERE iri = '" + outbox.edited()
                        + "' AND raw->>'content' = '<p>berichtigt</p>'"), "the newest version, listed first, is the one kept");
            } finally {
                if (sibling != null) sibling.close();
                if (restarted != null) restarted.close();
            }
        }
    }

    private record Outbox(URI edited, URI deleted, URI badlySigned) {}

    /**
     * Newest first, as outboxes list: page 1 opens with an Update of the first note and a Delete of the second, whose
     * Creates come on the last page.
     */
    private static Outbox servePagedOutbox(FakeRemote remote, FakeRemote.Actor amt) {
        List<ObjectNode> creates = new ArrayList<>();
        for (int i = 0; i < PAGES * PER_PAGE; i++) creates.add(remote.createNote(amt, "<p>Meldung " + i + "</p>"));
        ObjectNode editedNote = ((ObjectNode) creates.get(0).get("object")).deepCopy().put("content", "<p>berichtigt</p>");
        ObjectNode update = remote.activity(amt, "Update");
        update.set("object", editedNote);
        update.set("to", editedNote.get("to"));
        ObjectNode delete = remote.activity(amt, "Delete");
        URI deleted = URI.create(creates.get(1).get("object").get("id").asText());
        delete.put("object", deleted.toString());
        ObjectNode badlySigned = (ObjectNode) creates.get(5).get("object");
        badlySigned.putObject("proof").put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-jcs-2022")
                .put("verificationMethod", amt.ed25519KeyId()).put("proofPurpose", "assertionMethod")
                .put("created", "2026-01-01T00:00:00Z").put("proofValue", "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiBDfUY2VRDeZG7tb");
        List<ObjectNode> items = new ArrayList<>(List.of(update, delete));
        items.addAll(creates.reversed());
        String base = remote.base().toString();
        remote.serve(amt.id().getPath() + "/outbox", de.allmende.federation.json.Json.MAPPER.createObjectNode().put("id", amt.id() + "/outbox")
                .put("type", "OrderedCollection").put("totalItems", items.size()).put("first", base + pagePath(amt, 1)));
        int perPage = (items.size() + PAGES - 1) / PAGES;
        for (int p = 1; p <= PAGES; p++) {
            ObjectNode page = de.allmende.federation.json.Json.MAPPER.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", base + pagePath(amt, p)).put("type", "OrderedCollectionPage").put("partOf", amt.id() + "/outbox");
            var list = page.putArray("orderedItems");
            items.subList((p - 1) * perPage, Math.min(items.size(), p * perPage)).forEach(item -> list.add(item.without("@context")));
            if (p < PAGES) page.put("next", base + pagePath(amt, p + 1));
            remote.serve(pagePath(amt, p), page);
        }
        return new Outbox(URI.create(editedNote.get("id").asText()), deleted, URI.create(badlySigned.get("id").asText()));
    }

    private static String pagePath(FakeRemote.Actor amt, int page) {
        return amt.id().getPath() + "/outbox/p" + page;
    }

    private static long pagesDone(TestNode node) {
        return node.count("SELECT coalesce(max(pages_done), 0) FROM coordinator_backfill");
    }

    private static long pagesDone(de.allmende.config.DatabaseSettings db) {
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var rs = c.createStatement().executeQuery("SELECT coalesce(max(pages_done), 0) FROM coordinator_backfill")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
