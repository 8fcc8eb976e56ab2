package de.allmende.federation;

import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TwoNodeSmokeTest {
    @Test
    void followAcceptAndPostArrive() {
        try (TestNode a = TestNode.start(); TestNode b = TestNode.start()) {
            followAndPost(a, b);
        }
    }

    /** Both nodes in authorized-fetch (secure) mode: every actor and key fetch must be signed by the instance actor. */
    @Test
    void worksWhenBothNodesRequireSignedFetches() {
        int pa = TestNode.freePort(), pb = TestNode.freePort();
        var secure = java.util.Map.of("ALLMENDE_AUTHORIZED_FETCH", "true");
        try (TestNode a = TestNode.start("http://127.0.0.1:" + pa, pa, secure); TestNode b = TestNode.start("http://127.0.0.1:" + pb, pb, secure)) {
            followAndPost(a, b);
            assertEquals(401, b.get("/actors/beispieldorf", "application/activity+json").statusCode(), "unsigned fetches are refused");
            assertEquals(200, b.get("/actor", "application/activity+json").statusCode(), "the instance actor stays open");
        }
    }

    private static void followAndPost(TestNode a, TestNode b) {
        {  // a follows b, b posts
            a.create(Fixtures.musterstadt());
            b.create(Fixtures.beispieldorf());
            var servicesA = a.node().services();
            servicesA.follows.follow(a.actor("musterstadt"), b.actorIri("beispieldorf"));
            TestNode.await("follow accepted", () -> a.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
            assertEquals(1, b.count("SELECT count(*) FROM follow WHERE state = 'accepted'"));
            var note = b.node().services().notes.publish(b.actor("beispieldorf"), "<p>Hallo Musterstadt</p>");
            TestNode.await("note arrives", () -> a.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'") == 1);
        }
    }
}
