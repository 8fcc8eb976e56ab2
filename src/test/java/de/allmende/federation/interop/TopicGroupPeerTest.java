package de.allmende.federation.interop;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.domain.MunicipalityInput;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, point 8, with an independent implementation: the Fedify peer finds a coordinator's topic group by
 * WebFinger, follows it, and receives the group's Announce of a project that Musterstadt (another node, which the
 * coordinator subscribes to) publishes in the group's field of action — signed over HTTP by the group, its FEP-8b32
 * proof verified by Fedify with the group's key.
 */
@DisplayName("The independent Fedify peer follows a topic group (FEP-1b12)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicGroupPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestNode coordinatorNode, node;
    private InteropPeer peer;

    @BeforeAll
    void start() {
        coordinatorNode = TestNode.start();
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        var services = coordinatorNode.node().services();
        var coordinator = services.actors.createCoordinator(new MunicipalityInput("netzwerk-bayern", "Open-Government-Netzwerk Bayern",
                null, null, null, null, "Bayern", null, null, false));
        services.coordinators.subscribeByHandle(coordinator, "@musterstadt@" + node.publicUrl().getRawAuthority());
        peer = InteropPeer.start(IndependentPeerTest.repoRoot());
    }

    @AfterAll
    void stop() {
        if (peer != null) peer.close();
        for (TestNode n : new TestNode[]{coordinatorNode, node}) if (n != null) n.close();
    }

    @Test
    void thePeerFollowsTheGroupByWebFingerAndGetsItsSignedAnnounceOfANewProject() {
        URI group = coordinatorNode.actorIri("open-data");
        peer.follow("acct:open-data@" + coordinatorNode.publicUrl().getRawAuthority());
        JsonNode accept = peer.awaitInbox(a -> "Accept".equals(a.path("type").asText()) && group.toString().equals(a.path("actor").asText()), WAIT);
        assertTrue(accept.path("signatureVerified").asBoolean(), "the group's Accept is signed: " + accept);
        TestNode.awaitQuiet(coordinatorNode, node); // the coordinator's Follow of Musterstadt is accepted too

        URI project = node.node().services().content.create(node.actor("musterstadt"), ContentKind.PROJECT,
                ContentFixtures.offenerHaushalt()).iri();
        JsonNode announce = peer.awaitInbox(a -> "Announce".equals(a.path("type").asText())
                && project.toString().equals(a.path("activity").path("object").asText()), WAIT);
        assertTrue(announce.path("signatureVerified").asBoolean(), "HTTP-signed: " + announce);
        assertTrue(announce.path("signatureKeyId").asText().startsWith(group + "#"), "by the group: " + announce);
        assertEquals(group.toString(), announce.path("actor").asText());
        JsonNode proof = peer.proofReport(announce.path("id").asText(), "activity");
        assertTrue(proof.path("proofValid").asBoolean() && proof.path("verified").asBoolean(), "Fedify verifies the Announce's proof: " + proof);
        assertEquals(group + "#ed25519-key", proof.path("keyId").asText(), proof.toString());
    }
}
