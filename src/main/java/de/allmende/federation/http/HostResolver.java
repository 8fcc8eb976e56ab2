package de.allmende.federation.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for outbound calls. The client resolves each host once per hop, checks every address
 * and connects to the checked one; tests swap this in to show that a second answer is never used.
 */
@FunctionalInterface
public interface HostResolver {
    /** The host's addresses; IP literals resolve to themselves. Blocks; the client calls it off the caller's thread. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
