package de.allmende.federation.http;

import de.allmende.federation.http.SafeHttpClient.BlockedDestinationException;
import de.allmende.federation.http.SafeHttpClient.HostUnavailableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address a call goes to, and how much one host may take of the client (finding 8; "what to build" 1). */
@Timeout(30) // a regression would hang the build, not fail it
@DisplayName("SafeHttpClient per host: the checked address, a concurrency limit, a circuit breaker")
class SafeHttpClientHostsTest {
    private static final InetAddress LOOPBACK = address("127.0.0.1");
    private static final InetAddress OTHER_LOOPBACK = address("127.0.0.2");

    @Test
    @DisplayName("DNS rebinding: the request goes to the address that was checked, not to a second answer")
    void connectsToTheCheckedAddress() throws Exception {
        try (ScriptedServer checked = ScriptedServer.start(LOOPBACK, 0, ScriptedServer.OK);
             ScriptedServer internal = ScriptedServer.start(OTHER_LOOPBACK, checked.port(), ScriptedServer.OK)) {
            // The attacker's DNS answers "public" (127.0.0.1 plays public here) once, then an internal address.
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> List.of(lookups.getAndIncrement() == 0 ? LOOPBACK : OTHER_LOOPBACK);
            SafeHttpClient.Settings settings = SafeHttpClient.Settings.defaults(false)
                    .withInternal(a -> !a.equals(LOOPBACK) && SpecialPurposeAddresses.isInternal(a))
                    .withResolver(rebinding);
            try (SafeHttpClient client = new SafeHttpClient(settings)) {
                URI uri = URI.create("http://rebind.example:" + checked.port() + "/actor");
                assertEquals(200, client.get(uri, Limits.FETCH, Map.of(), u -> Map.of()).status());
                assertEquals(1, lookups.get(), "the name was resolved once");
                assertEquals(1, checked.accepted(), "the checked address got the request");
                assertEquals(0, internal.accepted(), "the second answer was never used");
                assertTrue(checked.lastRequestHead().toLowerCase().contains("\nhost: rebind.example:" + checked.port() + "\r\n"),
                        "Host names the host, not the address: " + checked.lastRequestHead());

                // The next call resolves anew, sees the internal address and refuses before connecting.
                assertThrows(BlockedDestinationException.class, () -> client.get(uri, Limits.FETCH, Map.of(), u -> Map.of()));
                assertEquals(0, internal.accepted());
            }
        }
    }

    @Test
    @DisplayName("a host with one internal address among public ones is refused")
    void everyAddressIsChecked() {
        HostResolver mixed = host -> List.of(address("93.184.216.34"), address("10.0.0.1"));
        try (SafeHttpClient client = new SafeHttpClient(SafeHttpClient.Settings.defaults(false).withResolver(mixed))) {
            assertThrows(BlockedDestinationException.class,
                    () -> client.get(URI.create("https://mixed.example/actor"), Limits.FETCH, Map.of(), u -> Map.of()));
        }
    }

    @Test
    @DisplayName("a stalling host holds only its own slots: one more call to it fails at once, another host is served")
    void perHostLimit() throws Exception {
        HostPolicy twoPerHost = new HostPolicy(2, 1000, Duration.ofSeconds(30), 100);
        try (ScriptedServer stalling = ScriptedServer.start(ScriptedServer.SILENT);
             ScriptedServer healthy = ScriptedServer.start(ScriptedServer.OK);
             SafeHttpClient client = new SafeHttpClient(loopbackNames().withHosts(twoPerHost))) {
            URI slow = URI.create("http://stalling.example:" + stalling.port() + "/key");
            Limits fetch = new Limits(Duration.ofSeconds(3), SafeHttpClient.MAX_BODY);
            List<Thread> hanging = List.of(
                    Thread.ofVirtual().start(() -> ignoreFailure(() -> client.get(slow, fetch, Map.of(), u -> Map.of()))),
                    Thread.ofVirtual().start(() -> ignoreFailure(() -> client.get(slow, fetch, Map.of(), u -> Map.of()))));
            while (stalling.accepted() < 2) Thread.sleep(10);

            long start = System.nanoTime();
            assertThrows(HostUnavailableException.class, () -> client.get(slow, fetch, Map.of(), u -> Map.of()));
            assertTrue(millisSince(start) < 500, "the third call to the stalling host failed at once: " + millisSince(start) + " ms");

            start = System.nanoTime();
            URI other = URI.create("http://healthy.example:" + healthy.port() + "/key");
            assertEquals(200, client.get(other, fetch, Map.of(), u -> Map.of()).status());
            assertTrue(millisSince(start) < 1000, "the healthy host answered promptly: " + millisSince(start) + " ms");
            assertEquals(2, stalling.accepted(), "the stalling host never saw the third call");
            for (Thread t : hanging) t.join();
        }
    }

    @Test
    @DisplayName("after repeated failures a host is skipped (fail fast), then one trial call after the cool-down lets it back")
    void circuitBreaker() throws Exception {
        AtomicReference<ScriptedServer.Script> behaviour = new AtomicReference<>(c -> { }); // hangs up without answering
        HostPolicy threeStrikes = new HostPolicy(16, 3, Duration.ofMillis(1500), 100);
        try (ScriptedServer server = ScriptedServer.start(c -> behaviour.get().run(c));
             SafeHttpClient client = new SafeHttpClient(SafeHttpClient.Settings.defaults(true).withHosts(threeStrikes))) {
            URI uri = server.url("/actor");
            for (int i = 0; i < 3; i++) {
                assertThrows(IOException.class, () -> client.get(uri, Limits.FETCH, Map.of(), u -> Map.of()));
            }
            assertEquals("OPEN", client.breakerState(uri));

            long start = System.nanoTime();
            assertThrows(HostUnavailableException.class, () -> client.get(uri, Limits.FETCH, Map.of(), u -> Map.of()));
            assertTrue(millisSince(start) < 100, "failed fast: " + millisSince(start) + " ms");
            assertEquals(3, server.accepted(), "the skipped host was not contacted");

            behaviour.set(ScriptedServer.OK); // the host recovers
            Thread.sleep(1600);
            assertEquals(200, client.get(uri, Limits.FETCH, Map.of(), u -> Map.of()).status(), "the trial call goes through");
            assertEquals("CLOSED", client.breakerState(uri));
        }
    }

    /** Any name resolves to loopback, and loopback is allowed (as in the tests of a node). */
    private static SafeHttpClient.Settings loopbackNames() {
        return SafeHttpClient.Settings.defaults(true).withResolver(host -> List.of(LOOPBACK));
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void ignoreFailure(Call call) {
        try {
            call.run();
        } catch (IOException expected) {
            // the stalling host's calls end at their deadline
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
