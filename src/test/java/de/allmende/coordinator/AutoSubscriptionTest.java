package de.allmende.coordinator;

import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import de.allmende.domain.MunicipalityInput;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Automatic subscription (issue 11, point 1) on a loopback network: Musterstadt (node A) is followed by Beispieldorf
 * (node B, which also hosts Nebenort, whom the coordinator's node blocks) and by an account on a Mastodon-like server;
 * Auental (node C) reaches the coordinator's node only through a relay both subscribe to. The automatic coordinator
 * is subscribed to Musterstadt by hand and finds the rest itself: node B through Musterstadt's follow graph and B's
 * NodeInfo, Auental through its relayed post. It subscribes to each exactly once, and to nobody blocked or not Allmende.
 */
@DisplayName("Coordinator: automatic subscription through follow graphs, NodeInfo and a relay")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoSubscriptionTest {
    private static final Duration CHAIN = Duration.ofSeconds(40);

    private TestNode coordinatorNode, relayNode, a, b, c;
    private FakeRemote mastodon;
    private URI musterstadt, beispieldorf, nebenort, auental;

    @BeforeAll
    void aNetworkWithARelay() {
        coordinatorNode = TestNode.start();
        relayNode = TestNode.start();
        a = TestNode.start();
        b = TestNode.start();
        c = TestNode.start();
        mastodon = FakeRemote.start();
        a.create(Fixtures.musterstadt());
        b.create(Fixtures.beispieldorf());
        b.create(new MunicipalityInput("nebenort", "Gemeinde Nebenort", null, null, null, null, null, null, null, false));
        c.create(Fixtures.auental());
        musterstadt = a.actorIri("musterstadt");
        beispieldorf = b.actorIri("beispieldorf");
        nebenort = b.actorIri("nebenort");
        auental = c.actorIri("auental");
        coordinatorNode.node().services().moderation.blockActor(nebenort.toString());

        b.node().services().follows.follow(b.actor("beispieldorf"), musterstadt);
        var follow = mastodon.post(URI.create(a.url() + "/inbox"), mastodon.follow(mastodon.actor("leser"), musterstadt)).send();
        assertEquals(202, follow.status(), follow.body());

        URI relay = URI.create(relayNode.url() + "/relay");
        ok(relayNode, "relay", "enable", "--name", "Relay der Modellkommunen");
        ok(relayNode, "relay", "allow", "127.0.0.1");
        ok(coordinatorNode, "relay", "subscribe", relay.toString());
        ok(c, "relay", "subscribe", relay.toString());
        ok(coordinatorNode, "coordinator", "create", "--handle", "netzwerk", "--name", "Netzwerk Open Government");
        TestNode.awaitQuiet(coordinatorNode, relayNode, a, b, c);
        assertEquals(2, relayNode.count("SELECT count(*) FROM relay_subscriber"));
    }

    @AfterAll
    void stop() {
        for (TestNode n : new TestNode[]{coordinatorNode, relayNode, a, b, c}) if (n != null) n.close();
        if (mastodon != null) mastodon.close();
    }

    @Test
    @Order(1)
    void theFollowGraphOfASubscribedMunicipalityLeadsToTheAllmendeNodesItNames() {
        assertTrue(ok(coordinatorNode, "coordinator", "auto", "--coordinator", "netzwerk", "on").contains("automatic subscription on"));
        ok(coordinatorNode, "coordinator", "subscribe", "--coordinator", "netzwerk", "--handle", "@musterstadt@" + a.publicUrl().getRawAuthority());

        TestNode.await("Beispieldorf found through Musterstadt's followers", CHAIN, () -> subscribed(beispieldorf));
        TestNode.await("every candidate looked at", CHAIN, () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_discovery WHERE done IS NULL AND failed IS NULL") == 0);
        assertEquals(sorted(beispieldorf, musterstadt), subscriptions());
        assertEquals(1, coordinatorNode.count("SELECT count(*) FROM coordinator_discovery WHERE kind = 'node' AND candidate = '"
                + mastodon.base().getScheme() + "://" + mastodon.base().getRawAuthority() + "' AND outcome = 'no Allmende node'"),
                "the Mastodon-like server was asked and left alone");
        assertEquals(0, coordinatorNode.count("SELECT count(*) FROM coordinator_subscription WHERE municipality = '" + nebenort + "'"),
                "Nebenort is blocked");
        String listed = ok(coordinatorNode, "coordinator", "list");
        assertTrue(listed.contains("\tautomatic"), listed);
        assertTrue(listed.contains("learnt node " + b.url()), listed);
    }

    @Test
    @Order(2)
    void aMunicipalityWhosePostsComeThroughTheRelayIsSubscribedToOnce() {
        c.node().services().notes.publish(c.actor("auental"), "<p>Jugendbeteiligung im Herbst</p>");
        TestNode.await("Auental found through the relay", CHAIN, () -> subscribed(auental));
        c.node().services().notes.publish(c.actor("auental"), "<p>Noch ein Beitrag</p>");
        TestNode.awaitQuiet(coordinatorNode, relayNode, c);
        TestNode.await("every candidate looked at", CHAIN, () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_discovery WHERE done IS NULL AND failed IS NULL") == 0);
        assertEquals(1, coordinatorNode.count("SELECT count(*) FROM coordinator_discovery WHERE kind = 'actor' AND candidate = '" + auental + "'"),
                "learnt once, however many of its posts come");
        assertEquals(sorted(auental, beispieldorf, musterstadt), subscriptions());
        for (URI m : List.of(musterstadt, beispieldorf, auental)) {
            assertEquals(1, coordinatorNode.count("SELECT count(*) FROM activity WHERE type = 'Follow' AND object_iri = '" + m + "'"),
                    "one Follow of " + m);
        }
        TestNode.await("Auental's backfill done", () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_backfill WHERE done IS NOT NULL AND municipality = '" + auental + "'") == 1);
    }

    @Test
    @Order(3)
    void onAgainReadsTheFollowGraphsAnewAndSubscribesToNobodyTwice() {
        long nodeRows = coordinatorNode.count("SELECT count(*) FROM coordinator_discovery WHERE kind = 'node'");
        ok(coordinatorNode, "coordinator", "auto", "--coordinator", "netzwerk", "on");
        assertEquals(3, coordinatorNode.count("SELECT count(*) FROM coordinator_discovery WHERE kind = 'graph' AND source = 'auto on'"));
        TestNode.await("the graphs read again", CHAIN, () -> coordinatorNode.count(
                "SELECT count(*) FROM coordinator_discovery WHERE done IS NULL AND failed IS NULL") == 0);
        assertEquals(nodeRows, coordinatorNode.count("SELECT count(*) FROM coordinator_discovery WHERE kind = 'node'"),
                "the servers they name were asked before: not again");
        assertEquals(sorted(auental, beispieldorf, musterstadt), subscriptions());
        assertEquals(3, coordinatorNode.count("SELECT count(*) FROM activity WHERE type = 'Follow' AND actor = '"
                + coordinatorNode.actorIri("netzwerk") + "'"), "no Follow sent twice");
    }

    @Test
    @Order(4)
    void offStopsItAndBadInputIsOneClearLine() {
        assertTrue(ok(coordinatorNode, "coordinator", "auto", "--coordinator", "netzwerk", "off").contains("off"));
        assertTrue(!ok(coordinatorNode, "coordinator", "list").contains("\tautomatic"));
        NodeProcess.Result r = cli(coordinatorNode, "coordinator", "auto", "--coordinator", "netzwerk", "vielleicht");
        assertTrue(r.exitCode() != 0 && r.stderr().contains("expected one of [on, off]"), r.stderr());
    }

    private static List<String> sorted(URI... municipalities) {
        return java.util.Arrays.stream(municipalities).map(URI::toString).sorted().toList();
    }

    private boolean subscribed(URI municipality) {
        return coordinatorNode.count("SELECT count(*) FROM coordinator_subscription WHERE municipality = '" + municipality + "'") == 1;
    }

    private List<String> subscriptions() {
        return coordinatorNode.node().services().db.dsl().fetch("SELECT municipality FROM coordinator_subscription")
                .getValues(0, String.class).stream().sorted().toList();
    }

    private static String ok(TestNode node, String... args) {
        NodeProcess.Result r = cli(node, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.stderr());
        return r.stdout();
    }

    private static NodeProcess.Result cli(TestNode node, String... args) {
        return InProcessCli.run(node.cliEnvironment(), args);
    }
}
