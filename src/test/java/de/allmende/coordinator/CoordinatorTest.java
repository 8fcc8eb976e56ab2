package de.allmende.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.Services;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.coordinator.Provenance;
import de.allmende.federation.json.Json;
import de.allmende.store.ProvenanceStore;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A coordinator node and two municipality nodes on loopback. Musterstadt (node A) published 25 notes before anyone
 * subscribed — two outbox pages of 20 —; node B hosts Beispieldorf and Auental. The coordinator subscribes to
 * Musterstadt by handle and to node B as a whole, from the command line, while its node runs the backfill.
 */
@DisplayName("Coordinator: subscription, backfill and provenance")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorTest {
    private static final String JSON = "application/activity+json";
    private static final int EARLIER_NOTES = 25;

    private TestNode coordinatorNode, a, b;
    private URI musterstadt, beispieldorf, auental;
    private final List<URI> earlierNotes = new ArrayList<>();

    @BeforeAll
    void twoMunicipalityNodesThatPublishedBeforeAndACoordinator() {
        coordinatorNode = TestNode.start();
        a = TestNode.start();
        b = TestNode.start();
        a.create(Fixtures.musterstadt());
        b.create(Fixtures.beispieldorf());
        b.create(Fixtures.auental());
        musterstadt = a.actorIri("musterstadt");
        beispieldorf = b.actorIri("beispieldorf");
        auental = b.actorIri("auental");
        for (int i = 1; i <= EARLIER_NOTES; i++) {
            earlierNotes.add(services(a).notes.publish(a.actor("musterstadt"), "<p>Ratsbeschluss Nr. " + i + "</p>"));
        }
        services(b).notes.publish(b.actor("beispieldorf"), "<p>Bürgerhaushalt 2027</p>");
        services(b).notes.publish(b.actor("auental"), "<p>Jugendbeteiligung im Herbst</p>");
        var created = cli("coordinator", "create", "--handle", "netzwerk-hessen", "--name", "Open-Government-Netzwerk Hessen", "--land", "Hessen");
        assertEquals(0, created.exitCode(), created.stderr());
        TestNode.awaitQuiet(coordinatorNode, a, b);
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{coordinatorNode, a, b}) if (n != null) n.close();
    }

    @Test
    @Order(1)
    void theCoordinatorIsAnOrganizationMarkedAsCoordinatorThatWebFingerFinds() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(coordinatorNode.get("/actors/netzwerk-hessen", JSON).body());
        assertEquals("Organization", doc.get("type").asText(), "Mastodon shows it as a followable profile");
        assertTrue(doc.get("coordinator").asBoolean());
        assertTrue(doc.get("@context").toString().contains("\"coordinator\":{\"@id\":\"allmende:coordinator\""), doc.get("@context").toString());
        assertEquals("HE", doc.get("land").asText().replace("DE-", ""));
        var jrd = coordinatorNode.get("/.well-known/webfinger?resource=acct:netzwerk-hessen@" + coordinatorNode.publicUrl().getRawAuthority(),
                "application/jrd+json");
        assertEquals(200, jrd.statusCode());
        assertTrue(jrd.body().contains(coordinatorNode.actorIri("netzwerk-hessen").toString()));
        var page = coordinatorNode.get("/actors/netzwerk-hessen", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Open-Government-Netzwerk Hessen"));
        var list = cli("coordinator", "list");
        assertTrue(list.stdout().contains("@netzwerk-hessen@") && list.stdout().contains("Hessen"), list.stdout());
        assertTrue(cli("actor", "list").stdout().contains("no municipalities yet"), "a coordinator is no municipality");
    }

    @Test
    @Order(2)
    void subscribingByHandleFollowsAndBackfillsAnOutboxOfTwoPagesWithVerifiedProofs() {
        var r = cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--handle", "@musterstadt@" + a.publicUrl().getRawAuthority());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("subscribed to " + musterstadt), r.stdout());
        TestNode.await("backfill of Musterstadt done", () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL AND municipality = '" + musterstadt + "'") == 1);
        assertEquals(2, coordinatorNode.count("SELECT pages_done FROM coordinator_backfill WHERE municipality = '" + musterstadt + "'"));
        assertEquals(EARLIER_NOTES, coordinatorNode.count("SELECT count(*) FROM post p JOIN ap_object o ON o.id = p.object_id"
                + " WHERE o.attributed_to = '" + musterstadt + "'"), "every earlier note is a post on the coordinator's node");
        List<Provenance> provenance = provenanceOf(musterstadt);
        assertEquals(EARLIER_NOTES, provenance.size());
        for (Provenance p : provenance) {
            assertEquals(ObjectProof.Status.VERIFIED, p.proof(), p.object().toString());
            assertEquals(Provenance.Via.BACKFILL, p.via());
            assertEquals(a.publicUrl().getRawAuthority(), p.originHost());
        }
        assertEquals(earlierNotes.stream().map(URI::toString).sorted().toList(),
                provenance.stream().map(p -> p.object().toString()).sorted().toList());
        TestNode.awaitQuiet(coordinatorNode, a, b);
        String follow = "SELECT count(*) FROM follow WHERE follower = '" + coordinatorNode.actorIri("netzwerk-hessen") + "' AND followee = '"
                + musterstadt + "' AND state = 'accepted'";
        assertEquals(1, a.count(follow), "Musterstadt accepted the coordinator's Follow");
        assertEquals(1, coordinatorNode.count(follow), "and the coordinator knows");
    }

    @Test
    @Order(3)
    void subscribingByNodeFindsEveryMunicipalityInItsNodeInfo() {
        var r = cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--node", b.url());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains(beispieldorf.toString()) && r.stdout().contains(auental.toString()), r.stdout());
        TestNode.await("both backfills done", () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL") == 3);
        assertEquals(1, provenanceOf(beispieldorf).size());
        assertEquals(1, provenanceOf(auental).size());
        var list = cli("coordinator", "list");
        assertTrue(list.stdout().contains(auental + "\tbackfill done: 1 pages, 1 items"), list.stdout());
    }

    @Test
    @Order(4)
    void newPostsEditsAndDeletesReachTheCoordinatorsCopyWithinSeconds() {
        TestNode.awaitQuiet(coordinatorNode, a, b); // the Follows are accepted
        URI fresh = services(a).notes.publish(a.actor("musterstadt"), "<p>Neu: Open-Data-Portal</p>");
        URI edited = earlierNotes.get(3);
        URI deleted = earlierNotes.get(4);
        services(a).notes.edit(a.actor("musterstadt"), edited, "<p>Ratsbeschluss Nr. 4 (berichtigt)</p>");
        services(a).notes.delete(a.actor("musterstadt"), deleted);
        Duration seconds = Duration.ofSeconds(5);
        TestNode.await("the new post arrived", seconds, () -> coordinatorNode.count(
                "SELECT count(*) FROM aggregated_item WHERE via = 'delivery' AND proof_status = 'verified' AND object_iri = '" + fresh + "'") == 1);
        TestNode.await("the edit arrived", seconds, () -> coordinatorNode.count("SELECT count(*) FROM ap_object WHERE iri = '" + edited
                + "' AND raw->>'content' = '<p>Ratsbeschluss Nr. 4 (berichtigt)</p>'") == 1);
        TestNode.await("the delete arrived", seconds, () -> coordinatorNode.count(
                "SELECT count(*) FROM post WHERE deleted IS NOT NULL AND iri = '" + deleted + "'") == 1);
        assertEquals(1, coordinatorNode.count("SELECT count(*) FROM aggregated_item WHERE via = 'backfill' AND object_iri = '" + edited
                + "' AND last_fetched > first_fetched"), "an edit keeps the first arrival and records the new fetch");
    }

    @Test
    @Order(5)
    void unsubscribingByActorUrlUnfollowsAndEndsTheSubscription() {
        var r = cli("coordinator", "unsubscribe", "--coordinator", "netzwerk-hessen", "--handle", auental.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(0, coordinatorNode.count("SELECT count(*) FROM coordinator_subscription WHERE municipality = '" + auental + "'"));
        TestNode.awaitQuiet(coordinatorNode, a, b);
        String follows = "SELECT count(*) FROM follow WHERE followee = '" + auental + "'";
        assertEquals(0, b.count(follows), "Auental got the Undo");
        assertEquals(0, coordinatorNode.count(follows));
        assertEquals(1, b.count("SELECT count(*) FROM follow WHERE followee = '" + beispieldorf + "'"), "Beispieldorf stays followed");
    }

    @Test
    @Order(6)
    void badInputIsOneClearLineAndANonZeroExit() {
        assertOneLine(cli("coordinator", "create", "--handle", "Netz Werk", "--name", "X"), "error: --handle:");
        assertOneLine(cli("coordinator", "create", "--handle", "netz", "--name", "X", "--land", "Atlantis"), "error: --land: unknown Land 'Atlantis'");
        assertOneLine(cli("coordinator", "create", "--handle", "netzwerk-hessen", "--name", "X"), "error: --handle: 'netzwerk-hessen' is already taken");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen"), "Error: Missing required argument");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--handle", "@x@y", "--node", b.url()),
                "are mutually exclusive");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "niemand", "--node", b.url()), "error: --coordinator: no coordinator 'niemand'");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "musterstadt", "--node", b.url()), "error: --coordinator:");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--node", "ftp://b.example/x"), "error: --node:");
        assertOneLine(cli("coordinator", "subscribe", "--coordinator", "netzwerk-hessen", "--handle", "@niemand@" + b.publicUrl().getRawAuthority()),
                "error: cannot resolve @niemand@");
        assertOneLine(cli("coordinator", "unsubscribe", "--coordinator", "netzwerk-hessen", "--handle", "@auental@" + b.publicUrl().getRawAuthority()),
                "error: not subscribed to " + auental);
    }

    private static void assertOneLine(de.allmende.testkit.NodeProcess.Result r, String expected) {
        assertTrue(r.exitCode() != 0, "exit code " + r.exitCode());
        assertTrue(r.stderr().contains(expected), r.stderr());
        assertTrue(!r.stderr().contains("\tat ") && !r.stderr().contains("Exception"), "no stack trace: " + r.stderr());
    }

    private List<Provenance> provenanceOf(URI municipality) {
        return new ProvenanceStore().byAuthor(services(coordinatorNode).db.dsl(), municipality);
    }

    private de.allmende.testkit.NodeProcess.Result cli(String... args) {
        return InProcessCli.run(coordinatorNode.cliEnvironment(), args);
    }

    private static Services services(TestNode n) {
        return n.node().services();
    }
}
