package de.allmende.federation.http;

import io.netty.util.NetUtil;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). Works on the
 * raw address bytes, so {@code ::ffff:0:0/96} stays an IPv6 range (Java's {@code InetAddress} would turn
 * its literal into an IPv4 address).
 */
record Cidr(String notation, byte[] prefix, int bits) {

    static Cidr parse(String notation) {
        int slash = notation.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("not CIDR: " + notation);
        String literal = notation.substring(0, slash);
        int bits = Integer.parseInt(notation.substring(slash + 1));
        byte[] prefix = literalBytes(literal);
        if (bits < 0 || bits > prefix.length * 8) throw new IllegalArgumentException("bad prefix length: " + notation);
        return new Cidr(notation, prefix, bits);
    }

    /** The bytes of an IP literal, 4 for IPv4 and 16 for IPv6 (IPv4-mapped ones included). */
    static byte[] literalBytes(String literal) {
        if (NetUtil.isValidIpV4Address(literal)) return NetUtil.createByteArrayFromIpAddressString(literal);
        if (!literal.contains(":")) throw new IllegalArgumentException("not an IP literal: " + literal);
        try {
            // An IPv6 literal is parsed, never looked up; Java hands IPv4-mapped ones back as IPv4.
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) return parsed.getAddress();
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) return false;
        int fullBytes = bits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != prefix[i]) return false;
        }
        int rest = bits % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[fullBytes] & mask) == (prefix[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return notation;
    }
}
