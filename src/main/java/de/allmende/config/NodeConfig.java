package de.allmende.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a node needs to start. Built only by {@link ConfigLoader}, which validates each setting.
 *
 * @param publicUrl   scheme://host[:port] as seen from the internet; every IRI derives from it
 * @param database    empty → embedded PostgreSQL under {@code dataDir/postgres}
 * @param metricsToken when set, /metrics requires {@code Authorization: Bearer <token>}
 * @param allowPrivateNetworks lets outbound fetches reach loopback/private addresses (development and tests only)
 * @param allowlistMode federate only with allowed domains (closed networks)
 * @param authorizedFetch require signed GETs for objects, collections and actors (except the instance actor)
 * @param retryScale shrinks the delivery retry schedule (1.0 in production; tests use less)
 * @param deliveryLease how long a claimed delivery is reserved for its worker; rows of a crashed worker are
 *                      sent again once it ends (2 minutes in production; crash tests use seconds)
 * @param httpLimits  timeouts and connection limits of the HTTP server
 * @param maxInboxBacklog accepted inbox activities not yet applied; beyond, inbox POSTs are answered 503 with
 *                        Retry-After until the workers catch up (senders retry; the queue and disk stay bounded)
 * @param cheapPasswordHashes new password hashes cost almost nothing (tests only: they protect nothing real);
 *                            false in production, where they cost OWASP's minimum
 */
public record NodeConfig(
        URI publicUrl,
        String httpHost,
        int httpPort,
        Path dataDir,
        Optional<DatabaseSettings> database,
        Path masterKeyFile,
        String nodeName,
        Duration keyGracePeriod,
        Optional<String> metricsToken,
        boolean allowPrivateNetworks,
        boolean allowlistMode,
        boolean authorizedFetch,
        double retryScale,
        Duration deliveryLease,
        HttpLimits httpLimits,
        int maxInboxBacklog,
        boolean cheapPasswordHashes) {

    /** The host[:port] authority used in acct: handles and WebFinger. */
    public String domain() {
        return publicUrl.getRawAuthority();
    }

    public Path embeddedDatabaseDir() {
        return dataDir.resolve("postgres");
    }

    /** Uploaded files, one per id; see MediaFiles. */
    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
