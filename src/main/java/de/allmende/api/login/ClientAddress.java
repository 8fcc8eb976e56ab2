package de.allmende.api.login;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a login comes from, for the per-address lockout. Behind the reverse proxy the README
 * recommends (on the same machine), every request comes from loopback: then the address the proxy
 * appended last to {@code X-Forwarded-For} counts, which a client cannot forge. A request from anywhere
 * else is taken at its word of nothing: its own peer address counts.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        String peer = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
        if (!isLoopback(peer)) return peer;
        List<String> forwarded = ctx.request().headers().getAll("X-Forwarded-For");
        if (forwarded.isEmpty()) return peer;
        String[] hops = forwarded.getLast().split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }

    private static boolean isLoopback(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) return false; // a literal only: never a name lookup
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
