package de.allmende.federation.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Addresses the node never connects to unless private networks are allowed: the ranges of the IANA
 * IPv4 and IPv6 Special-Purpose Address Registries that are not globally reachable, multicast, and the
 * documentation and benchmarking prefixes. IPv6 prefixes that carry an IPv4 address (IPv4-mapped, SIIT,
 * NAT64, 6to4) are internal exactly when the IPv4 address they carry is: DNS64 networks reach every
 * public IPv4 host through {@code 64:ff9b::/96}, and the same prefix would reach 10.0.0.1 just as well.
 */
final class SpecialPurposeAddresses {
    private SpecialPurposeAddresses() {}

    /** A range that is internal as a whole. */
    record Blocked(Cidr range, String meaning) {}

    /** An IPv6 range whose addresses carry an IPv4 address at byte {@code offset}. */
    record Carrier(Cidr range, int offset, String meaning) {}

    static final List<Blocked> BLOCKED = List.of(
            blocked("0.0.0.0/8", "this network"),
            blocked("10.0.0.0/8", "private use"),
            blocked("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            blocked("127.0.0.0/8", "loopback"),
            blocked("169.254.0.0/16", "link-local (cloud metadata services live here)"),
            blocked("172.16.0.0/12", "private use"),
            blocked("192.0.0.0/24", "IETF protocol assignments (DS-Lite, NAT64 discovery …)"),
            blocked("192.0.2.0/24", "documentation (TEST-NET-1)"),
            blocked("192.88.99.0/24", "6to4 relay anycast (deprecated)"),
            blocked("192.168.0.0/16", "private use"),
            blocked("198.18.0.0/15", "benchmarking"),
            blocked("198.51.100.0/24", "documentation (TEST-NET-2)"),
            blocked("203.0.113.0/24", "documentation (TEST-NET-3)"),
            blocked("224.0.0.0/4", "multicast"),
            blocked("240.0.0.0/4", "reserved"),
            blocked("255.255.255.255/32", "limited broadcast"),

            blocked("::/128", "unspecified"),
            blocked("::1/128", "loopback"),
            blocked("::/96", "IPv4-compatible (deprecated; no stack should route it)"),
            blocked("64:ff9b:1::/48", "local-use NAT64 (reaches the operator's own IPv4 networks)"),
            blocked("100::/64", "discard-only"),
            // Includes Teredo 2001::/32: its server and (obfuscated) client IPv4 addresses can name
            // anything, and a node has no reason to reach a Teredo tunnel endpoint at all.
            blocked("2001::/23", "IETF protocol assignments, Teredo, benchmarking"),
            blocked("2001:db8::/32", "documentation"),
            blocked("3fff::/20", "documentation"),
            blocked("5f00::/16", "segment routing (SRv6) SIDs"),
            blocked("fc00::/7", "unique local"),
            blocked("fe80::/10", "link-local"),
            blocked("fec0::/10", "site-local (deprecated)"),
            blocked("ff00::/8", "multicast"));

    static final List<Carrier> CARRIERS = List.of(
            carrier("::ffff:0:0/96", 12, "IPv4-mapped"),
            carrier("::ffff:0:0:0/96", 12, "IPv4-translated (SIIT)"),
            carrier("64:ff9b::/96", 12, "NAT64 well-known prefix"),
            carrier("2002::/16", 2, "6to4"));

    static boolean isInternal(InetAddress address) {
        return isInternal(address.getAddress());
    }

    /** {@code address}: 4 bytes (IPv4) or 16 bytes (IPv6), as {@link InetAddress#getAddress()} gives them. */
    static boolean isInternal(byte[] address) {
        for (Blocked b : BLOCKED) {
            if (b.range().contains(address)) return true;
        }
        for (Carrier c : CARRIERS) {
            if (c.range().contains(address)) return isInternal(Arrays.copyOfRange(address, c.offset(), c.offset() + 4));
        }
        return false;
    }

    private static Blocked blocked(String cidr, String meaning) {
        return new Blocked(Cidr.parse(cidr), meaning);
    }

    private static Carrier carrier(String cidr, int offset, String meaning) {
        return new Carrier(Cidr.parse(cidr), offset, meaning);
    }
}
