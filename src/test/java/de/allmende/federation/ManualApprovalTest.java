package de.allmende.federation;

import de.allmende.domain.MunicipalityInput;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A municipality with manuallyApprovesFollowers: follows wait for its decision, then Accept or Reject go out. */
class ManualApprovalTest {

    @Test
    void followRequestsWaitUntilApprovedOrRejected() {
        try (TestNode rathaus = TestNode.start(); TestNode dorf = TestNode.start(); TestNode stadt = TestNode.start()) {
            rathaus.create(new MunicipalityInput("rathaus", "Rathaus Vorsichtig", null, null, null, null, null, null, null, true));
            dorf.create(Fixtures.beispieldorf());
            stadt.create(Fixtures.musterstadt());
            var target = rathaus.actorIri("rathaus");
            dorf.node().services().follows.follow(dorf.actor("beispieldorf"), target);
            stadt.node().services().follows.follow(stadt.actor("musterstadt"), target);
            TestNode.await("both requests arrive", () -> rathaus.count("SELECT count(*) FROM follow WHERE state = 'pending'") == 2);
            TestNode.awaitQuiet(rathaus, dorf, stadt);
            assertEquals(1, dorf.count("SELECT count(*) FROM follow WHERE state = 'pending'"), "no Accept without approval");

            var services = rathaus.node().services();
            services.followRequests.approve(rathaus.actor("rathaus"), dorf.actorIri("beispieldorf"));
            services.followRequests.reject(rathaus.actor("rathaus"), stadt.actorIri("musterstadt"));
            TestNode.await("approved follow accepted on the follower's side",
                    () -> dorf.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
            TestNode.await("rejected follow removed on the follower's side", () -> stadt.count("SELECT count(*) FROM follow") == 0);
            assertEquals(1, rathaus.count("SELECT count(*) FROM follow WHERE state = 'accepted'"));
            assertEquals(0, rathaus.count("SELECT count(*) FROM follow WHERE state = 'pending'"));
        }
    }
}
