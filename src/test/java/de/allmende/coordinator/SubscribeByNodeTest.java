package de.allmende.coordinator;

import de.allmende.domain.LocalActor;
import de.allmende.support.ApiException;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscribing by node makes a node's subscriptions several at once (each is a few requests to that node), returns
 * them in the order the node lists its municipalities, and a municipality that cannot be had does not keep the others
 * from being subscribed: its failure is reported after all were tried.
 */
@DisplayName("Coordinator: subscribing by node, several at once")
class SubscribeByNodeTest {

    @Test
    void everyListedMunicipalityIsSubscribedInTheNodesOrder() {
        try (FakeRemote kommunen = FakeRemote.start(); TestNode node = TestNode.start()) {
            List<FakeRemote.Actor> listed = new ArrayList<>();
            for (int i = 0; i < 9; i++) listed.add(kommunen.actor("gemeinde" + i));
            kommunen.serveAllmendeNodeInfo(listed);
            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());

            List<URI> subscribed = node.node().services().coordinators.subscribeByNode(coordinator, kommunen.base());

            assertEquals(listed.stream().map(FakeRemote.Actor::id).toList(), subscribed);
            assertEquals(9, node.count("SELECT count(*) FROM coordinator_subscription"));
        }
    }

    @Test
    void oneThatCannotBeHadIsReportedAfterTheOthersAreSubscribed() {
        try (FakeRemote kommunen = FakeRemote.start(); TestNode node = TestNode.start()) {
            List<FakeRemote.Actor> listed = new ArrayList<>();
            for (int i = 0; i < 6; i++) listed.add(kommunen.actor("gemeinde" + i));
            listed.get(2).published(false); // its actor document: 404
            kommunen.serveAllmendeNodeInfo(listed);
            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());

            ApiException e = assertThrows(ApiException.class,
                    () -> node.node().services().coordinators.subscribeByNode(coordinator, kommunen.base()));

            assertEquals(502, e.status());
            assertTrue(e.getMessage().contains(listed.get(2).id().toString()), e.getMessage());
            assertEquals(5, node.count("SELECT count(*) FROM coordinator_subscription"), "the other five are subscribed");
            assertEquals(0, node.count("SELECT count(*) FROM coordinator_subscription WHERE municipality = '" + listed.get(2).id() + "'"));
        }
    }
}
