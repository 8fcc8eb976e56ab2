package de.allmende.federation.inbox;

import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared assertions of the hostile-input tests: status, a short reason, no 5xx, no stack trace, no rows. */
final class HostileInbox {
    private HostileInbox() {}

    /** Row counts of everything an inbound activity may write (caches of keys and actors are allowed to change). */
    record Rows(long inboxItems, long activities, long objects, long follows, long reactions) {
        static Rows of(TestNode node) {
            return new Rows(node.count("SELECT count(*) FROM inbox_item"), node.count("SELECT count(*) FROM activity"),
                    node.count("SELECT count(*) FROM ap_object"), node.count("SELECT count(*) FROM follow"),
                    node.count("SELECT count(*) FROM reaction"));
        }
    }

    /** The node's shared inbox. */
    static java.net.URI sharedInbox(TestNode node) {
        return java.net.URI.create(node.url() + "/inbox");
    }

    /** 202, no stack trace. */
    static void assertAccepted(FakeRemote.Response r) {
        assertEquals(202, r.status(), () -> "expected 202, got " + r);
        assertNoStackTrace(r);
    }

    /** Waits until the inbox worker has nothing left to do, so counts are stable. */
    static void awaitQuiet(TestNode node) {
        try {
            TestNode.await("inbox drained", Duration.ofSeconds(20),
                    () -> node.count("SELECT count(*) FROM inbox_item WHERE processed IS NULL AND failed IS NULL") == 0);
        } catch (AssertionError e) {
            // Say what is stuck: which activities, how often tried, and why they failed.
            var stuck = node.node().services().db.dsl().fetch("SELECT body->>'type' AS type, attempts, last_error FROM inbox_item"
                    + " WHERE processed IS NULL AND failed IS NULL");
            throw new AssertionError(e.getMessage() + "; still waiting: " + stuck.formatCSV(false), e);
        }
    }

    /** Asserts the status and a short JSON reason containing {@code reason}, and that nothing was written. */
    static void assertRejected(TestNode node, Rows before, FakeRemote.Response r, int status, String reason) {
        assertEquals(status, r.status(), () -> "expected " + status + ", got " + r);
        assertCleanError(r);
        assertTrue(r.error().contains(reason), () -> "reason should mention '" + reason + "': " + r);
        awaitQuiet(node);
        assertEquals(before, Rows.of(node), () -> "rejected request changed rows: " + r);
    }

    /** A 4xx with {"error": "<short text>"}: no 5xx, no stack trace, nothing echoed at length. */
    static void assertCleanError(FakeRemote.Response r) {
        assertTrue(r.status() < 500, () -> "server error: " + r);
        assertNotNull(r.error(), () -> "no JSON error reason: " + r);
        assertTrue(r.error().length() <= 80, () -> "reason too long: " + r);
        assertNoStackTrace(r);
    }

    static void assertNoStackTrace(FakeRemote.Response r) {
        String b = r.body();
        assertFalse(b.contains("Exception") || b.contains("\tat ") || b.contains(".java:"), () -> "stack trace leaked: " + r);
    }
}
