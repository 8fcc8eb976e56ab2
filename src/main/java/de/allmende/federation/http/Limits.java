package de.allmende.federation.http;

import java.time.Duration;

/**
 * What one outbound call may cost: {@code deadline} covers everything (name resolution, connecting,
 * TLS, sending, response headers, the whole body and every redirect hop), and at most {@code maxBytes}
 * of body are read (the call fails as soon as more arrive or Content-Length announces more).
 */
public record Limits(Duration deadline, int maxBytes) {
    /**
     * Actor, key and object documents and WebFinger: an inbox request may be waiting for them, so a
     * few seconds; Mastodon allows documents up to 1 MB.
     */
    public static final Limits FETCH = new Limits(Duration.ofSeconds(5), SafeHttpClient.MAX_BODY);

    /** Inbox deliveries: a busy peer may take longer to accept, and only its status matters, not its body. */
    public static final Limits DELIVERY = new Limits(Duration.ofSeconds(10), 256 * 1024);

    public Limits {
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("deadline must be positive");
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must not be negative");
    }
}
