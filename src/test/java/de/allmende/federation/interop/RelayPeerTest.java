package de.allmende.federation.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.store.ActivityStore;
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
 * Issue 11, point 7, with an independent implementation: the Fedify peer subscribes to an Allmende relay Mastodon-style
 * and receives, through it, a post of a node it does not follow — signed over HTTP by the relay, the body as the
 * author's node sent it, its FEP-8b32 proofs verified by Fedify with the author's key.
 */
@DisplayName("The independent Fedify peer behind an Allmende relay")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestNode relayNode, node;
    private InteropPeer peer;

    @BeforeAll
    void start() {
        relayNode = TestNode.start();
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        relayNode.node().services().actors.ensureRelayActor("Relay");
        relayNode.execute("INSERT INTO relay_allowed_domain (domain) VALUES ('127.0.0.1')");
        peer = InteropPeer.start(IndependentPeerTest.repoRoot());
    }

    @AfterAll
    void stop() {
        if (peer != null) peer.close();
        for (TestNode n : new TestNode[]{relayNode, node}) if (n != null) n.close();
    }

    @Test
    void thePeerSubscribesMastodonStyleAndGetsAForwardedPostItVerifies() throws Exception {
        String relayInbox = relayNode.url() + "/relay/inbox";
        // As a real server: a 429 while the relay fetches the peer's key for the first time is retried shortly.
        int status = peer.subscribeToRelay(relayInbox, Duration.ofSeconds(5)).path("status").asInt();
        assertEquals(202, status, "the relay took the subscription");
        JsonNode accept = peer.awaitInbox(a -> "Accept".equals(a.path("type").asText()), WAIT);
        assertTrue(accept.path("signatureVerified").asBoolean(), "the relay's Accept is signed: " + accept);
        assertEquals(relayNode.url() + "/relay", accept.path("actor").asText());

        node.node().services().relays.subscribe(URI.create(relayNode.url() + "/relay"));
        TestNode.awaitQuiet(relayNode, node);
        URI note = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Über den Relay: Haushaltsentwurf online</p>");
        JsonNode create = peer.awaitInbox(a -> "Create".equals(a.path("type").asText())
                && note.toString().equals(a.path("activity").path("object").path("id").asText()), WAIT);

        assertTrue(create.path("signatureVerified").asBoolean(), "HTTP-signed: " + create);
        assertTrue(create.path("signatureKeyId").asText().startsWith(relayNode.url() + "/relay#"), "by the relay: " + create);
        assertEquals(node.actorIri("musterstadt").toString(), create.path("actor").asText());
        assertTrue(create.path("proofVerified").asBoolean(), "Fedify verifies the activity's proof: " + create);
        assertTrue(create.path("objectProofVerified").asBoolean(), "and the note's: " + create);
        String sent = node.node().services().db.dsl().transactionResult(cfg -> new ActivityStore()
                .find(cfg.dsl(), create.path("id").asText())).orElseThrow().raw().toString();
        assertEquals(JSON.readTree(sent), create.path("activity"), "the activity as the author's node sent it");
    }
}
