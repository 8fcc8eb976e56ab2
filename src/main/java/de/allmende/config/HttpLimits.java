package de.allmende.config;

import java.time.Duration;

/**
 * What the HTTP server grants one client, so that idle or slow connections cannot use up what others need.
 *
 * @param idleTimeout          a connection with no bytes either way for this long is closed
 * @param headerTimeout        a connection must deliver a complete request head within this time after it opened
 *                             (slow-header attacks)
 * @param requestTimeout       a request whose body has not arrived and been answered in this time is cut off; also
 *                             how long a kept-alive connection may take to send its next request head
 * @param maxHeaderSize        bytes of all request headers together (431 beyond)
 * @param maxConnectionsPerAddress open connections one client address may hold; more are closed at once
 * @param maxConnections       open connections in all (a margin below the process's file descriptor limit)
 * @param maxConcurrentRequests requests that may wait on other servers at once (inbox POSTs and signed GETs, whose
 *                              signature check may fetch a key); beyond, 503 with Retry-After (admission limit)
 * @param refusalsPerAddressPerSecond signed requests one client address may have refused per second before further
 *                              refusals are answered slowly (api.server.RefusalPenalty)
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, Duration requestTimeout, int maxHeaderSize,
                         int maxConnectionsPerAddress, int maxConnections, int maxConcurrentRequests,
                         int refusalsPerAddressPerSecond) {

    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), 16 * 1024,
                256, 10_000, 1_024, 50);
    }
}
