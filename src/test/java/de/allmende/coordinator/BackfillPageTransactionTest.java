package de.allmende.coordinator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.json.Json;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A backfill keeps each page's items, their domain events and the cursor past the page in one transaction. Here the
 * database refuses the second note of page 2 (a trigger, as a full disk or a lost connection would) until the test
 * lifts the refusal: page 2's first note, already written in that transaction, is gone with it, the cursor stays
 * after page 1, and the retry keeps the whole page, each note once with one job per consumer.
 */
@DisplayName("Coordinator: a backfill keeps a page whole or not at all")
class BackfillPageTransactionTest {
    private static final int PAGES = 3;
    private static final int PER_PAGE = 3;

    @Test
    void aFailureInTheMiddleOfAPageKeepsNoneOfItAndTheRetryAllOfIt() {
        try (FakeRemote remote = FakeRemote.start(); TestNode node = TestNode.start()) {
            FakeRemote.Actor amt = remote.actor("amt");
            List<String> notes = servePagedOutbox(remote, amt);
            String firstOfPage2 = notes.get(PER_PAGE), refused = notes.get(PER_PAGE + 1);
            node.execute("CREATE TABLE refused (iri text PRIMARY KEY)");
            node.execute("INSERT INTO refused VALUES ('" + refused + "')");
            node.execute("""
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                      IF EXISTS (SELECT 1 FROM refused WHERE iri = NEW.iri) THEN RAISE EXCEPTION 'refused: %', NEW.iri; END IF;
                      RETURN NEW;
                    END $$""");
            node.execute("CREATE TRIGGER refuse BEFORE INSERT ON ap_object FOR EACH ROW EXECUTE FUNCTION refuse()");

            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
            node.node().services().coordinators.subscribeByHandle(coordinator, "amt@" + remote.base().getRawAuthority());
            TestNode.await("page 2 refused twice", Duration.ofSeconds(30),
                    () -> node.count("SELECT coalesce(max(attempts), 0) FROM coordinator_backfill WHERE last_error IS NOT NULL") >= 2);

            assertEquals(1, node.count("SELECT pages_done FROM coordinator_backfill"), "the cursor stays after page 1");
            assertEquals(PER_PAGE, node.count("SELECT count(*) FROM post"), "page 1's notes only");
            assertEquals(0, node.count("SELECT count(*) FROM ap_object WHERE iri = '" + firstOfPage2 + "'"),
                    "page 2's first note, written before the refusal, is gone with its page");
            assertEquals(0, node.count("SELECT count(*) FROM domain_event WHERE subject = '" + firstOfPage2 + "'"), "and so is its event");

            node.execute("DELETE FROM refused");
            TestNode.await("the backfill done", Duration.ofSeconds(30),
                    () -> node.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 1);
            TestNode.awaitQuiet(node);
            assertEquals(PAGES, node.count("SELECT pages_done FROM coordinator_backfill"));
            assertEquals(PAGES * PER_PAGE, node.count("SELECT count(*) FROM post"), "every note");
            assertEquals(PAGES * PER_PAGE, node.count("SELECT count(*) FROM aggregated_item"), "each with its provenance");
            assertEquals(PAGES * PER_PAGE, node.count("SELECT count(*) FROM domain_event WHERE kind = 'post_created'"), "one event each");
            assertEquals(PAGES * PER_PAGE, node.count("SELECT count(*) FROM search_document"), "every note searchable");
            assertEquals(0, node.count("SELECT count(*) FROM event_job WHERE done IS NULL OR failed IS NOT NULL"), "every job done");
        }
    }

    /** Three pages of three Create(Note), newest first; returns the notes' IRIs in the order listed. */
    private static List<String> servePagedOutbox(FakeRemote remote, FakeRemote.Actor amt) {
        String base = remote.base().toString(), outbox = amt.id().getPath() + "/outbox";
        remote.serve(outbox, Json.MAPPER.createObjectNode().put("id", amt.id() + "/outbox").put("type", "OrderedCollection")
                .put("totalItems", PAGES * PER_PAGE).put("first", base + outbox + "/p1"));
        List<String> notes = new ArrayList<>();
        for (int p = 1; p <= PAGES; p++) {
            ObjectNode page = Json.MAPPER.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", base + outbox + "/p" + p).put("type", "OrderedCollectionPage").put("partOf", amt.id() + "/outbox");
            var list = page.putArray("orderedItems");
            for (int i = 0; i < PER_PAGE; i++) {
                ObjectNode create = remote.createNote(amt, "<p>Meldung " + p + "." + i + "</p>");
                notes.add(create.get("object").get("id").asText());
                list.add(create.without("@context"));
            }
            if (p < PAGES) page.put("next", base + outbox + "/p" + (p + 1));
            remote.serve(outbox + "/p" + p, page);
        }
        return notes;
    }
}
