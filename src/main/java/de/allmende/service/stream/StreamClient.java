package de.allmende.service.stream;

import de.allmende.domain.client.Viewer;

import java.util.Set;

/**
 * One open streaming connection (a WebSocket or a server-sent event stream) as the {@link StreamHub} sees it:
 * whose it is, what it listens to, and how it is written to. Implementations never block and never queue more
 * than their bound: a client that cannot keep up is closed.
 */
public interface StreamClient {
    /** The account the token acts as; what it is shown is what this viewer may see. */
    Viewer viewer();

    /** The token's id, for the per-token limit and for closing the streams of a revoked token. */
    long tokenId();

    /** The raw token, checked again now and then: a revoked token's streams end. */
    String token();

    String address();

    /** The streams it listens to now (a WebSocket subscribes and unsubscribes as it goes). */
    Set<StreamName> streams();

    /** Sends one event; {@code payload} is the JSON string Mastodon sends (a status, a notification, an id). */
    void send(StreamName stream, String event, String payload);

    /** Keeps the connection alive: a comment line for server-sent events, a ping for a WebSocket. */
    void heartbeat();

    /** Ends the connection (its close handler removes it from the hub). */
    void close(String why);
}
