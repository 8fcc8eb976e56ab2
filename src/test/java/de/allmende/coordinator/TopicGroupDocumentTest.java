package de.allmende.coordinator;

import de.allmende.domain.MunicipalityInput;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A topic group's documents are the spec's examples (federation-spec/examples/actor-group*.json), as Lemmy and Mastodon read them. */
@DisplayName("Coordinator: a topic group's actor document and moderators collection, as the spec shows them")
class TopicGroupDocumentTest {
    private static final String JSON = "application/activity+json";
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.startAs(GoldenJson.HOST);
        node.node().services().actors.createCoordinator(new MunicipalityInput("netzwerk-hessen", "Open-Government-Netzwerk Hessen", null,
                null, null, null, "Hessen", null, null, false));
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void theGroupIsAGroupWhoseModeratorIsItsCoordinator() {
        var group = node.get("/actors/partizipation", JSON);
        assertEquals(200, group.statusCode());
        GoldenJson.assertMatches("actor-group.json", group.body());
        GoldenJson.assertMatches("actor-group-moderators.json", node.get("/actors/partizipation/moderators", JSON).body());
    }
}
