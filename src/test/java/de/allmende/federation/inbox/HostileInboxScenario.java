package de.allmende.federation.inbox;

import de.allmende.federation.inbox.HostileInbox.Rows;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;

import static de.allmende.federation.inbox.HostileInbox.awaitQuiet;

/**
 * The stage of the hostile-inbox tests: one node with Musterstadt and one fake remote with alice and
 * bob for all tests of a class, and the rows as they were before each test.
 */
abstract class HostileInboxScenario {
    static TestNode node;
    static FakeRemote remote;
    static Actor alice;
    static Actor bob;
    Rows before;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        alice = remote.actor("alice");
        bob = remote.actor("bob");
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @BeforeEach
    void snapshot() {
        awaitQuiet(node);
        before = Rows.of(node);
    }

    static URI sharedInbox() {
        return URI.create(node.url() + "/inbox");
    }

    static URI personalInbox(String handle) {
        return URI.create(node.url() + "/actors/" + handle + "/inbox");
    }
}
