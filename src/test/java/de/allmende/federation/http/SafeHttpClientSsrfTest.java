package de.allmende.federation.http;

import de.allmende.federation.http.SafeHttpClient.BlockedDestinationException;
import de.allmende.testkit.FakeRemote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF guard: with private networks disallowed, nothing internal is ever contacted, also not via a redirect. */
@DisplayName("SafeHttpClient refuses internal destinations")
class SafeHttpClientSsrfTest {
    private final SafeHttpClient guarded = new SafeHttpClient(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.1.2.3"})
    @DisplayName("internal addresses are internal")
    void internal(String address) throws UnknownHostException {
        assertTrue(SpecialPurposeAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808"})
    @DisplayName("public addresses are not")
    void external(String address) throws UnknownHostException {
        assertFalse(SpecialPurposeAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.0.0.1:8080/actor", "https://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://0.0.0.0/", "http://2130706433/"})
    @DisplayName("GET and POST to internal URLs are refused before connecting")
    void refused(String url) {
        URI uri = URI.create(url);
        assertThrows(BlockedDestinationException.class, () -> guarded.get(uri, Limits.FETCH, Map.of(), u -> Map.of()), url);
        assertThrows(BlockedDestinationException.class, () -> guarded.post(uri, new byte[0], Map.of(), Limits.DELIVERY), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1/", "jar:file:/x!/y"})
    @DisplayName("only http(s) is fetched")
    void schemes(String url) {
        assertThrows(BlockedDestinationException.class, () -> guarded.get(URI.create(url), Limits.FETCH, Map.of(), u -> Map.of()), url);
    }

    @Test
    @DisplayName("a redirect from an allowed server to loopback, metadata or [::1] is refused at the second hop")
    void redirectToInternal() throws Exception {
        try (FakeRemote remote = FakeRemote.start()) {
            // The fake server listens on 127.0.0.1; let exactly that address pass as "public" so the first hop happens.
            InetAddress fakePublic = InetAddress.getByName("127.0.0.1");
            SafeHttpClient client = new SafeHttpClient(SafeHttpClient.Settings.defaults(false)
                    .withInternal(a -> !a.equals(fakePublic) && SpecialPurposeAddresses.isInternal(a)));
            remote.serve("/ok", FakeRemote.array());
            assertEquals(200, client.get(remote.listenUrl().resolve("/ok"), Limits.FETCH, Map.of(), u -> Map.of()).status(), "first hop allowed");

            String[] targets = {"http://127.0.0.2:" + remote.port() + "/x", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]:" + remote.port() + "/x", "http://10.0.0.1/"};
            for (int i = 0; i < targets.length; i++) {
                remote.redirect("/r" + i, targets[i]);
                URI start = remote.listenUrl().resolve("/r" + i);
                assertThrows(BlockedDestinationException.class, () -> client.get(start, Limits.FETCH, Map.of(), u -> Map.of()), targets[i]);
                assertEquals(1, remote.fetches("/r" + i), "the first hop was made");
            }
            // A chain of redirects between allowed hops still ends after three.
            remote.redirect("/loop", remote.listenUrl() + "/loop");
            assertThrows(java.io.IOException.class, () -> client.get(remote.listenUrl().resolve("/loop"), Limits.FETCH, Map.of(), u -> Map.of()));
            assertEquals(4, remote.fetches("/loop"));
        }
    }

    @Test
    @DisplayName("with private networks allowed (tests, closed networks) loopback is fetched")
    void allowedWhenConfigured() throws Exception {
        try (FakeRemote remote = FakeRemote.start()) {
            remote.serve("/ok", FakeRemote.array());
            assertEquals(200, new SafeHttpClient(true).get(remote.listenUrl().resolve("/ok"), Limits.FETCH, Map.of(), u -> Map.of()).status());
        }
    }
}
