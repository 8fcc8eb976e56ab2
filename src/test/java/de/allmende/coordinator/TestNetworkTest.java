package de.allmende.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.event.Consumer;
import de.allmende.store.ObjectStore;
import de.allmende.testkit.TestNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static de.allmende.coordinator.TestNetwork.cli;
import static de.allmende.coordinator.TestNetwork.host;
import static de.allmende.coordinator.TestNetwork.json;
import static de.allmende.coordinator.TestNetwork.services;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, "Done when", first point, on loopback ({@link TestNetwork}): the coordinator subscribes to Musterstadt by
 * handle and to Auental's node as a whole and backfills what they published before; Musterstadt's new post, edit and
 * delete reach the coordinator's search index within seconds; the exports say for every item where it came from and
 * that its proof verified; Beispieldorf's node is connected only by the relay, which forwards its post to nodes A and B
 * and the Fedify peer, all of which verify it, and the coordinator (set to subscribe automatically) subscribes to
 * Beispieldorf because its relay's subscribers publish there; the directory and the calendar list exactly what was
 * published.
 *
 * <p>A follower of the coordinator's topic group for participation gets the group's boost of a new item of that field.
 */
@DisplayName("Issue 11: the test network (coordinator, relay, three municipality nodes, Fedify peer)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestNetworkTest {
    /** Generous, for a loaded machine; the live step keeps the issue's "within seconds". */
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(5);

    private TestNetwork net;
    private URI fresh, edited, deleted;

    @BeforeAll
    void start() {
        net = new TestNetwork();
    }

    @AfterAll
    void stop() {
        if (net != null) net.close();
    }

    @Test
    @Order(1)
    void subscribingByHandleAndByNodeBackfillsWhatWasPublishedBeforeWithVerifiedProofs() {
        var byHandle = cli(net.coordinatorNode, "coordinator", "subscribe", "--coordinator", TestNetwork.COORDINATOR,
                "--handle", "@musterstadt@" + host(net.a));
        assertTrue(byHandle.stdout().contains("subscribed to " + net.musterstadt), byHandle.stdout());
        var byNode = cli(net.coordinatorNode, "coordinator", "subscribe", "--coordinator", TestNetwork.COORDINATOR, "--node", net.b.url());
        assertTrue(byNode.stdout().contains(net.auental.toString()), byNode.stdout());

        TestNode.await("both backfills done", LONG, () -> net.coordinatorNode.count(
                "SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 2);
        List<URI> before = Stream.concat(net.notesOfA.stream(), Stream.of(net.eventOfA, net.noteOfB, net.eventOfB)).toList();
        for (URI item : before) {
            assertEquals(1, net.coordinatorNode.count("SELECT count(*) FROM aggregated_item WHERE via = 'backfill'"
                    + " AND proof_status = 'verified' AND object_iri = '" + item + "'"), "backfilled with a verified proof: " + item);
        }
        List<String> expected = before.stream().map(URI::toString).sorted().toList();
        TestNode.await("the coordinator's search finds every item published before", LONG, () -> net.hits("").equals(expected));
    }

    @Test
    @Order(2)
    void aNewPostAnEditAndADeleteReachTheCoordinatorsSearchWithinSeconds() {
        TestNode.awaitQuiet(net.nodes());
        assertEquals(1, net.a.count("SELECT count(*) FROM follow WHERE follower = '" + net.coordinatorNode.actorIri(TestNetwork.COORDINATOR)
                + "' AND followee = '" + net.musterstadt + "' AND state = 'accepted'"), "Musterstadt accepted the coordinator's Follow");
        var musterstadt = net.a.actor("musterstadt");
        edited = net.notesOfA.get(1);
        deleted = net.notesOfA.get(2);
        fresh = services(net.a).notes.publish(musterstadt, "<p>Radwegekonzept beschlossen</p>");
        services(net.a).notes.edit(musterstadt, edited, "<p>Sitzungskalender: Spielplatzsanierung vertagt</p>");
        services(net.a).notes.delete(musterstadt, deleted);

        TestNode.await("the new post is found", LONG, () -> net.hits("Radwegekonzept").equals(List.of(fresh.toString())));
        TestNode.await("the edit is found by its new words", LONG, () -> net.hits("Spielplatzsanierung").equals(List.of(edited.toString())));
        TestNode.await("the deleted post is gone", LONG, () -> !net.hits("").contains(deleted.toString()));
        assertTrue(net.hits("Bürgerversammlung").isEmpty(), "nor found by its words");
        // "Within seconds" is the nodes' doing, measured by their clocks (one machine): from the change on A to the
        // coordinator's index job for it done — not the time this test's searches take on a loaded machine.
        TestNode.awaitQuiet(net.nodes()); // every index job marked done
        for (URI changed : List.of(fresh, edited, deleted)) {
            long changedAt = net.a.count("SELECT (extract(epoch FROM max(created)) * 1000)::bigint FROM domain_event WHERE subject = '"
                    + changed + "'");
            long indexedAt = net.coordinatorNode.count("SELECT (extract(epoch FROM max(j.done)) * 1000)::bigint FROM event_job j"
                    + " JOIN domain_event e ON e.id = j.event_id WHERE j.consumer = '" + Consumer.SEARCH_INDEX.stored()
                    + "' AND e.subject = '" + changed + "'");
            assertTrue(changedAt > 0 && indexedAt >= changedAt, changed + ": changed at " + changedAt + ", indexed at " + indexedAt);
            Duration took = Duration.ofMillis(indexedAt - changedAt);
            assertTrue(took.compareTo(LIVE) <= 0, changed + " in the coordinator's index within " + LIVE + ": " + took);
            System.err.println("[test network] " + changed + " in the coordinator's index after " + took.toMillis() + " ms");
        }
    }

    @Test
    @Order(3)
    void theExportsSayForEveryItemWhereItCameFromAndThatItsProofVerified() throws Exception {
        Map<String, String[]> expected = new HashMap<>(); // iri → origin host, via
        for (URI i : List.of(net.notesOfA.get(0), edited, net.eventOfA)) expected.put(i.toString(), new String[]{host(net.a), "backfill"});
        expected.put(fresh.toString(), new String[]{host(net.a), "delivery"});
        for (URI i : List.of(net.noteOfB, net.eventOfB)) expected.put(i.toString(), new String[]{host(net.b), "backfill"});

        var csv = net.coordinatorNode.get("/api/allmende/v1/search.csv", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(expected.keySet().stream().sorted().toList(), rows.stream().map(r -> r.get("iri")).sorted().toList());
        for (CSVRecord row : rows) {
            String[] origin = expected.get(row.get("iri"));
            assertEquals("verified", row.get("proof_status"), row.toString());
            assertEquals(origin[0], row.get("origin_host"), row.toString());
            assertEquals(origin[1], row.get("via"), row.toString());
            assertEquals((origin[0].equals(host(net.a)) ? net.musterstadt : net.auental).toString(), row.get("author"));
            assertFalse(row.get("fetched_at").isEmpty(), row.toString());
        }

        JsonNode ld = json(net.coordinatorNode, "/api/allmende/v1/search.jsonld");
        assertEquals(expected.size(), ld.path("hasPart").size(), ld.toString());
        for (JsonNode part : ld.path("hasPart")) {
            String[] origin = expected.get(part.path("@id").asText());
            JsonNode provenance = part.path("provenance");
            assertTrue(origin != null, "an item published: " + part);
            assertEquals("verified", provenance.path("proofStatus").asText(), part.toString());
            assertEquals(origin[0], provenance.path("originHost").asText(), part.toString());
            assertEquals(origin[1], provenance.path("via").asText(), part.toString());
        }
    }

    @Test
    @Order(4)
    void theRelayForwardsBeispieldorfsPostToNodesAAndBAndThePeerWhichVerifyIt() {
        for (TestNode node : List.of(net.a, net.b, net.c)) services(node).relays.subscribe(net.relay);
        JsonNode subscribed = net.peer.subscribeToRelay(net.relay + "/inbox", LONG);
        assertEquals(202, subscribed.path("status").asInt(), subscribed.toString());
        net.peer.awaitInbox(x -> "Accept".equals(x.path("type").asText()) && net.relay.toString().equals(x.path("actor").asText()), LONG);
        TestNode.awaitQuiet(net.nodes());
        for (TestNode node : List.of(net.a, net.b, net.c)) {
            assertEquals(1, node.count("SELECT count(*) FROM relay_subscription WHERE state = 'accepted' AND relay_actor = '" + net.relay + "'"));
        }
        assertEquals(0, net.coordinatorNode.count("SELECT count(*) FROM coordinator_subscription WHERE municipality = '" + net.beispieldorf + "'"),
                "the coordinator does not follow Beispieldorf: only the relay connects its node");
        var auto = cli(net.coordinatorNode, "coordinator", "auto", "--coordinator", TestNetwork.COORDINATOR, "on");
        assertEquals(0, auto.exitCode(), auto.stderr());

        URI note = services(net.c).notes.publish(net.c.actor("beispieldorf"), "<p>Dorfladen als Genossenschaft gegründet</p>");
        TestNode.awaitQuiet(net.nodes());
        String create = services(net.c).db.dsl().fetchValue("SELECT iri FROM activity WHERE type = 'Create' AND object_iri = ?",
                note.toString()).toString();
        for (TestNode node : List.of(net.a, net.b)) {
            var stored = services(node).db.dsl().transactionResult(cfg -> new ObjectStore().find(cfg.dsl(), note.toString())).orElseThrow();
            assertEquals(Optional.of(ObjectProof.verified(net.beispieldorf + "#ed25519-key")), stored.proof(), "the author's proof verifies");
            assertEquals(1, node.count("SELECT count(*) FROM inbox_item WHERE activity_iri = '" + create + "' AND signer = '" + net.relay + "'"),
                    "it came from the relay, signed by the relay");
        }
        JsonNode atPeer = net.peer.awaitInbox(x -> "Create".equals(x.path("type").asText())
                && note.toString().equals(x.path("activity").path("object").path("id").asText()), LONG);
        assertTrue(atPeer.path("signatureVerified").asBoolean(), "Fedify verifies the relay's HTTP signature: " + atPeer);
        assertTrue(atPeer.path("signatureKeyId").asText().startsWith(net.relay + "#"), "signed by the relay: " + atPeer);
        assertEquals(net.beispieldorf.toString(), atPeer.path("actor").asText());
        assertTrue(atPeer.path("proofVerified").asBoolean(), "and the Create's FEP-8b32 proof: " + atPeer);
        assertTrue(atPeer.path("objectProofVerified").asBoolean(), "and the note's: " + atPeer);

        TestNode.await("the automatic coordinator subscribed to Beispieldorf, learnt from its relay, and backfilled it", LONG,
                () -> net.coordinatorNode.count("SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL AND municipality = '"
                        + net.beispieldorf + "'") == 1);
        assertEquals(1, net.coordinatorNode.count("SELECT count(*) FROM aggregated_item WHERE proof_status = 'verified' AND object_iri = '"
                + note + "'"), "Beispieldorf's post, with its proof verified, in the coordinator's aggregate");
    }

    @Test
    @Order(5)
    void theDirectoryListsExactlyTheMunicipalitiesThatPublishedToTheCoordinator() throws Exception {
        JsonNode doc = json(net.coordinatorNode, "/directory.json");
        Map<String, JsonNode> byIri = new HashMap<>();
        doc.path("municipalities").forEach(m -> byIri.put(m.path("iri").asText(), m));
        assertEquals(Stream.of(net.auental, net.beispieldorf, net.musterstadt).map(URI::toString).sorted().toList(),
                byIri.keySet().stream().sorted().toList(), doc.toString());
        assertEquals(3, doc.path("totalItems").asInt());

        JsonNode m = byIri.get(net.musterstadt.toString());
        assertEquals("Stadt Musterstadt", m.path("name").asText());
        assertEquals("musterstadt@" + host(net.a), m.path("handle").asText());
        assertEquals("09162000", m.path("ags").asText());
        assertEquals("DE-BY", m.path("land").asText());
        assertEquals(host(net.a), m.path("node").path("host").asText());
        assertEquals("{\"partizipation\":1}", m.path("postsByFieldOfAction").toString());
        JsonNode au = byIri.get(net.auental.toString());
        assertEquals("Gemeinde Auental", au.path("name").asText());
        assertEquals("06435001", au.path("ags").asText());
        assertEquals("DE-HE", au.path("land").asText());
        assertEquals("gemeinde", au.path("type").asText());
        assertEquals(4800, au.path("population").asInt());
        assertEquals("{\"open-data\":1}", au.path("postsByFieldOfAction").toString());

        var csv = net.coordinatorNode.get("/directory.csv", null);
        assertEquals(200, csv.statusCode(), csv.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(List.of("Gemeinde Auental;06435001", "Gemeinde Beispieldorf;", "Stadt Musterstadt;09162000"),
                rows.stream().map(r -> r.get("name") + ";" + r.get("ags")).toList(), "the CSV, by name");
    }

    @Test
    @Order(6)
    void theCalendarListsExactlyTheEventsPublished() throws Exception {
        var ics = net.coordinatorNode.get("/calendar.ics", null);
        assertEquals(200, ics.statusCode(), ics.body());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(List.of(net.eventOfA.toString(), net.eventOfB.toString()), events.stream().map(e -> value(e, "UID")).toList(),
                "by start: Musterstadt's in 10 days, Auental's in 20");
        assertEquals(List.of("Werkstatt Bürgerhaushalt", "Open-Data-Sprechstunde"), events.stream().map(e -> value(e, "SUMMARY")).toList());
        assertEquals(List.of("Stadt Musterstadt", "Gemeinde Auental"), events.stream()
                .map(e -> e.<Property>getRequiredProperty("ORGANIZER").getRequiredParameter("CN").getValue()).toList());
        assertEquals(List.of(net.eventOfA.toString()), new CalendarBuilder().build(new StringReader(
                        net.coordinatorNode.get("/calendar.ics?field=partizipation", null).body())).<VEvent>getComponents("VEVENT").stream()
                .map(e -> value(e, "UID")).toList(), "filtered by field of action");
    }

    /**
     * The topic group (issue 11, point 8): the Fedify peer follows the coordinator's Group for participation
     * ({@code @partizipation@…}, FEP-1b12) by WebFinger, as Mastodon would; Musterstadt publishes an event in that field;
     * the group announces it to the peer, signed.
     */
    @Test
    @Order(7)
    void aTopicGroupAnnouncesANewItemOfItsFieldToItsFollower() {
        String group = "partizipation@" + host(net.coordinatorNode);
        String groupIri = json(net.coordinatorNode, "/.well-known/webfinger?resource=acct:" + group).at("/links/0/href").asText();
        net.peer.follow("acct:" + group);
        JsonNode accept = net.peer.awaitInbox(x -> "Accept".equals(x.path("type").asText()) && groupIri.equals(x.path("actor").asText()), LONG);
        assertTrue(accept.path("signatureVerified").asBoolean(), "the group's Accept is signed: " + accept);
        TestNode.awaitQuiet(net.nodes());
        URI item = TestNetwork.event(net.a, "musterstadt", "Beteiligungsforum Musterstadt", 30, "partizipation");
        JsonNode announce = net.peer.awaitInbox(x -> "Announce".equals(x.path("type").asText()) && groupIri.equals(x.path("actor").asText())
                && item.toString().equals(x.path("activity").path("object").asText(x.path("activity").path("object").path("id").asText())), LONG);
        assertTrue(announce.path("signatureVerified").asBoolean(), "signed by the group: " + announce);
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getRequiredProperty(property).getValue();
    }
}
