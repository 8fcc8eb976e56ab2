package de.allmende.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.json.Json;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Live federation overtakes a backfill: the municipality edits one earlier note and deletes another while the
 * coordinator's backfill has not yet read the page that lists them. The edit and the delete are what the
 * coordinator keeps; the older Creates the backfill reads afterwards change nothing.
 */
@DisplayName("Coordinator: an edit or delete delivered before the backfill reaches the item")
class LiveBeforeBackfillTest {

    @Test
    void deliveredEditsAndDeletesOfItemsNotYetBackfilledWin() {
        try (FakeRemote remote = FakeRemote.start(); TestNode node = TestNode.start()) {
            FakeRemote.Actor amt = remote.actor("amt");
            ObjectNode edited = remote.createNote(amt, "<p>erste Fassung</p>");
            ObjectNode deleted = remote.createNote(amt, "<p>zurückgezogen</p>");
            URI editedId = URI.create(edited.get("object").get("id").asText());
            URI deletedId = URI.create(deleted.get("object").get("id").asText());
            String page = amt.id().getPath() + "/outbox/p1";
            remote.serve(amt.id().getPath() + "/outbox", Json.MAPPER.createObjectNode().put("id", amt.id() + "/outbox")
                    .put("type", "OrderedCollection").put("totalItems", 2).put("first", remote.base() + page));

            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
            node.node().services().coordinators.subscribeByHandle(coordinator, "amt@" + remote.base().getRawAuthority());
            ObjectNode update = remote.activity(amt, "Update");
            update.set("object", ((ObjectNode) edited.get("object")).deepCopy().put("content", "<p>zweite Fassung</p>"));
            ObjectNode delete = remote.activity(amt, "Delete");
            delete.put("object", deletedId.toString());
            URI inbox = URI.create(node.url() + "/inbox");
            assertEquals(202, remote.post(inbox, update).send().status());
            assertEquals(202, remote.post(inbox, delete).send().status());
            TestNode.await("both applied", () -> node.count("SELECT count(*) FROM inbox_item WHERE processed IS NOT NULL") == 2);

            // Only now can the backfill read the page (it was retrying): the Creates of the first versions.
            ObjectNode served = Json.MAPPER.createObjectNode().put("id", remote.base() + page).put("type", "OrderedCollectionPage");
            served.putArray("orderedItems").add(deleted).add(edited);
            remote.serve(page, served);
            TestNode.await("backfill done", () -> node.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 1);

            assertEquals(1, node.count("SELECT count(*) FROM ap_object WHERE iri = '" + editedId + "' AND raw->>'content' = '<p>zweite Fassung</p>'"),
                    "the delivered edit, not the older version the outbox lists");
            assertEquals(1, node.count("SELECT count(*) FROM aggregated_item WHERE via = 'delivery' AND object_iri = '" + editedId + "'"));
            assertEquals(0, node.count("SELECT count(*) FROM post WHERE deleted IS NULL AND iri = '" + deletedId + "'"),
                    "the deleted note does not come back");
        }
    }
}
