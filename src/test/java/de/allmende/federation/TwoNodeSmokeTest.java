package de.allmende.federation;

import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TwoNodeSmokeTest {
    @Test
    void followAcceptAndPostArrive() {
        try (TestNode a = TestNode.start(); TestNode b = TestNode.start()) {
            a.create(Fixtures.musterstadt());
            b.create(Fixtures.beispieldorf());
            var outboxA = a.node().services().federation.outbox;
            outboxA.follow(a.actor("musterstadt"), b.actorIri("beispieldorf"));
            TestNode.await("follow accepted", () -> a.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
            assertEquals(1, b.count("SELECT count(*) FROM follow WHERE state = 'accepted'"));
            var note = b.node().services().federation.outbox.publishNote(b.actor("beispieldorf"), "<p>Hallo Musterstadt</p>");
            TestNode.await("note arrives", () -> a.count("SELECT count(*) FROM ap_object WHERE iri = '" + note + "'") == 1);
        }
    }
}
