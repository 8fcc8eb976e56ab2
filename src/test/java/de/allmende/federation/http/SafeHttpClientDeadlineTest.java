package de.allmende.federation.http;

import de.allmende.federation.http.SafeHttpClient.DeadlineExceededException;
import de.allmende.federation.http.SafeHttpClient.ResponseTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 1 (client half): a peer that stalls holds an outbound call no longer than its deadline,
 * whatever part it stalls in, and the connection is closed then. Before, the timeout covered only the
 * response headers: headers plus one byte held the caller for as long as the peer liked.
 */
@Timeout(30) // a regression would hang the build, not fail it
@DisplayName("An outbound call ends at its total deadline and closes the connection")
class SafeHttpClientDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Scheduling slack on a loaded two-core machine; the old client stalled for minutes, not a second. */
    private static final long MARGIN_MS = 1000;
    private static final Limits LIMITS = new Limits(DEADLINE, SafeHttpClient.MAX_BODY);

    private static SafeHttpClient client;

    @BeforeAll
    static void warmUp() throws IOException {
        client = new SafeHttpClient(true);
        try (ScriptedServer ok = ScriptedServer.start(ScriptedServer.OK)) {
            assertEquals(200, client.get(ok.url("/"), Limits.FETCH, Map.of(), u -> Map.of()).status());
        }
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    @DisplayName("headers announcing 100,000 bytes, one byte, then silence: fails at the deadline")
    void oneByteThenSilence() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.ONE_BYTE_THEN_SILENCE)) {
            assertFailsAtDeadlineAndCloses(server);
        }
    }

    @Test
    @DisplayName("a server that accepts and never answers: fails at the deadline")
    void neverAnswers() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.SILENT)) {
            assertFailsAtDeadlineAndCloses(server);
        }
    }

    @Test
    @DisplayName("a server that drips one byte every 500 ms: the deadline is total, not idle")
    void dripFeed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.DRIP_FEED)) {
            assertFailsAtDeadlineAndCloses(server);
        }
    }

    @Test
    @DisplayName("an endless body without Content-Length is cut off as soon as it passes the cap")
    void endlessBodyIsCutAtTheCap() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.ENDLESS_BODY)) {
            Limits small = new Limits(Duration.ofSeconds(10), 64 * 1024);
            long start = System.nanoTime();
            assertThrows(ResponseTooLargeException.class, () -> client.get(server.url("/big"), small, Map.of(), u -> Map.of()));
            assertTrue(millisSince(start) < 2000, "aborted early, not at the 10 s deadline: " + millisSince(start) + " ms");
            assertTrue(server.awaitClientClose(Duration.ofSeconds(5)) > 0, "the connection was closed");
            assertTrue(server.bytesWritten() < 8L * 1024 * 1024, "the server could not push much more: " + server.bytesWritten());
        }
    }

    @Test
    @DisplayName("a Content-Length above the cap fails before any body is read")
    void announcedLengthAboveTheCap() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.ONE_BYTE_THEN_SILENCE)) {
            Limits small = new Limits(Duration.ofSeconds(10), 50_000);
            long start = System.nanoTime();
            assertThrows(ResponseTooLargeException.class, () -> client.get(server.url("/big"), small, Map.of(), u -> Map.of()));
            assertTrue(millisSince(start) < 2000, "failed on the headers: " + millisSince(start) + " ms");
            assertTrue(server.awaitClientClose(Duration.ofSeconds(5)) > 0, "the connection was closed");
        }
    }

    @Test
    @DisplayName("a POST (delivery) to a silent inbox fails at its deadline too")
    void postToSilentInbox() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.SILENT)) {
            long start = System.nanoTime();
            assertThrows(DeadlineExceededException.class, () -> client.post(server.url("/inbox"), "{}".getBytes(), Map.of(), LIMITS));
            assertWithinDeadline(start);
        }
    }

    private static void assertFailsAtDeadlineAndCloses(ScriptedServer server) throws InterruptedException {
        long start = System.nanoTime();
        assertThrows(DeadlineExceededException.class, () -> client.get(server.url("/key"), LIMITS, Map.of(), u -> Map.of()));
        assertWithinDeadline(start);
        long closedAt = server.awaitClientClose(Duration.ofSeconds(5));
        assertTrue(closedAt > 0, "the client closed the connection");
        long closedAfter = (closedAt - start) / 1_000_000;
        assertTrue(closedAfter < DEADLINE.toMillis() + MARGIN_MS + 1000, "closed " + closedAfter + " ms after the start");
    }

    private static void assertWithinDeadline(long start) {
        long took = millisSince(start);
        assertTrue(took >= DEADLINE.toMillis() - 50, "not before the deadline: " + took + " ms");
        assertTrue(took < DEADLINE.toMillis() + MARGIN_MS, "at the deadline: " + took + " ms");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
