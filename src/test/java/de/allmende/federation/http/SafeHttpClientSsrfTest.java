package de.allmende.federation.http;

import de.allmende.federation.http.SafeHttpClient.BlockedDestinationException;
import de.allmende.testkit.FakeRemote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF guard: with private networks disallowed, nothing internal is ever contacted, also not via a redirect. */
@DisplayName("SafeHttpClient refuses internal destinations")
class SafeHttpClientSsrfTest {
    private final SafeHttpClient guarded = new SafeHttpClient(false);

    /** Every row of the table: its first and last address are internal, and its neighbours are not in it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # range              | first              | last                                    | just below                              | just above
            0.0.0.0/8            | 0.0.0.0            | 0.255.255.255                           | -                                       | 1.0.0.0
            10.0.0.0/8           | 10.0.0.0           | 10.255.255.255                          | 9.255.255.255                           | 11.0.0.0
            100.64.0.0/10        | 100.64.0.0         | 100.127.255.255                         | 100.63.255.255                          | 100.128.0.0
            127.0.0.0/8          | 127.0.0.0          | 127.255.255.255                         | 126.255.255.255                         | 128.0.0.0
            169.254.0.0/16       | 169.254.0.0        | 169.254.255.255                         | 169.253.255.255                         | 169.255.0.0
            172.16.0.0/12        | 172.16.0.0         | 172.31.255.255                          | 172.15.255.255                          | 172.32.0.0
            192.0.0.0/24         | 192.0.0.0          | 192.0.0.255                             | 191.255.255.255                         | 192.0.1.0
            192.0.2.0/24         | 192.0.2.0          | 192.0.2.255                             | 192.0.1.255                             | 192.0.3.0
            192.88.99.0/24       | 192.88.99.0        | 192.88.99.255                           | 192.88.98.255                           | 192.88.100.0
            192.168.0.0/16       | 192.168.0.0        | 192.168.255.255                         | 192.167.255.255                         | 192.169.0.0
            198.18.0.0/15        | 198.18.0.0         | 198.19.255.255                          | 198.17.255.255                          | 198.20.0.0
            198.51.100.0/24      | 198.51.100.0       | 198.51.100.255                          | 198.51.99.255                           | 198.51.101.0
            203.0.113.0/24       | 203.0.113.0        | 203.0.113.255                           | 203.0.112.255                           | 203.0.114.0
            224.0.0.0/4          | 224.0.0.0          | 239.255.255.255                         | 223.255.255.255                         | 240.0.0.0
            240.0.0.0/4          | 240.0.0.0          | 255.255.255.255                         | 239.255.255.255                         | -
            255.255.255.255/32   | 255.255.255.255    | 255.255.255.255                         | 255.255.255.254                         | -
            ::/128               | ::                 | ::                                      | -                                       | ::1
            ::1/128              | ::1                | ::1                                     | ::                                      | ::2
            ::/96                | ::                 | ::ffff:ffff                             | -                                       | ::1:0:0
            64:ff9b:1::/48       | 64:ff9b:1::        | 64:ff9b:1:ffff:ffff:ffff:ffff:ffff       | 64:ff9b:0:ffff:ffff:ffff:ffff:ffff      | 64:ff9b:2::
            100::/64             | 100::              | 100::ffff:ffff:ffff:ffff                | ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | 100:0:0:1::
            2001::/23            | 2001::             | 2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff  | 2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 2001:200::
            2001:db8::/32        | 2001:db8::         | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff  | 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff  | 2001:db9::
            3fff::/20            | 3fff::             | 3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff  | 3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 3fff:1000::
            5f00::/16            | 5f00::             | 5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 5f01::
            fc00::/7             | fc00::             | fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fe00::
            fe80::/10            | fe80::             | febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff | fec0::
            fec0::/10            | fec0::             | feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | ff00::
            ff00::/8             | ff00::             | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | -
            """)
    @DisplayName("each blocked range, first to last")
    void blockedRange(String cidr, String first, String last, String below, String above) {
        SpecialPurposeAddresses.Blocked row = SpecialPurposeAddresses.BLOCKED.stream()
                .filter(b -> b.range().notation().equals(cidr)).findFirst().orElseThrow(() -> new AssertionError(cidr + " is not in the table"));
        for (String inside : List.of(first, last)) {
            assertTrue(row.range().contains(bytes(inside)), inside + " in " + cidr);
            assertTrue(SpecialPurposeAddresses.isInternal(bytes(inside)), inside + " is internal");
        }
        for (String outside : List.of(below, above)) {
            if (!outside.equals("-")) assertFalse(row.range().contains(bytes(outside)), outside + " is outside " + cidr);
        }
    }

    @Test
    @DisplayName("the table is exactly the tested ranges")
    void tableIsTested() {
        assertEquals(29, SpecialPurposeAddresses.BLOCKED.size());
        assertEquals(4, SpecialPurposeAddresses.CARRIERS.size());
    }

    /** IPv6 prefixes that carry an IPv4 address are as internal as the address they carry. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # address                    | internal
            ::ffff:127.0.0.1             | true
            ::ffff:7f00:1                | true
            0:0:0:0:0:ffff:7f00:0001     | true
            ::FFFF:10.0.0.1              | true
            ::ffff:0.0.0.0               | true
            ::ffff:255.255.255.255       | true
            ::ffff:8.8.8.8               | false
            ::ffff:0:a9fe:a9fe           | true
            ::ffff:0:808:808             | false
            64:ff9b::a9fe:a9fe           | true
            64:ff9b::10.1.2.3            | true
            64:ff9b::8.8.8.8             | false
            64:ff9b::ffff:ffff           | true
            2002:0a00:0001::1            | true
            2002:7f00:1::                | true
            2002:c0a8:0101:1::1          | true
            2002:0808:0808::1            | false
            2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff | true
            """)
    @DisplayName("IPv4 carried in IPv6 (mapped, SIIT, NAT64, 6to4) is judged by the IPv4 address")
    void carriedIpv4(String address, boolean internal) {
        assertEquals(internal, SpecialPurposeAddresses.isInternal(bytes(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:0:0808:0808::f7f7:f7f7", "2001:0:0a00:0001::80ff:fffe"})
    @DisplayName("Teredo (2001::/32) is refused whatever IPv4 addresses it carries")
    void teredo(String address) {
        assertTrue(SpecialPurposeAddresses.isInternal(bytes(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "172.15.255.255", "172.32.0.0", "192.0.3.0", "192.167.255.255", "198.17.255.255",
            "198.20.0.0", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:82f::200e", "2001:200::1", "2001:db9::1",
            "2003::1", "3fff:1000::1"})
    @DisplayName("public addresses, also right next to a blocked range, are not internal")
    void external(String address) throws UnknownHostException {
        assertFalse(SpecialPurposeAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    private static byte[] bytes(String literal) {
        return Cidr.literalBytes(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.0.0.1:8080/actor", "https://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
            "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::1]/", "http://[fd00::1]/", "http://localhost/", "http://0.0.0.0/",
            "http://2130706433/", "http://198.51.100.7/", "http://[2001:db8::1]/"})
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
