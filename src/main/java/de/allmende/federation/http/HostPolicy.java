package de.allmende.federation.http;

import java.time.Duration;

/**
 * How much of the node one remote host may occupy. "Host" means origin here, host and port, so that
 * nodes side by side on one address (tests, a shared server) are counted apart.
 *
 * @param maxConcurrent   calls to one host at once; one more fails at once instead of queueing behind a slow host
 * @param failuresToOpen  failed calls in a row (timeouts, refused or broken connections) after which the host is skipped
 * @param coolDown        how long a host is skipped before one trial call may try it again
 * @param maxHosts        hosts whose counters are kept (least recently used ones are forgotten)
 */
public record HostPolicy(int maxConcurrent, int failuresToOpen, Duration coolDown, int maxHosts) {
    public static final HostPolicy DEFAULT = new HostPolicy(16, 5, Duration.ofSeconds(30), 10_000);

    public HostPolicy {
        if (maxConcurrent < 1 || failuresToOpen < 1 || maxHosts < 1) throw new IllegalArgumentException("limits must be positive");
    }
}
