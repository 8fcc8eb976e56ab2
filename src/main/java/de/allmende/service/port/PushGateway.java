package de.allmende.service.port;

import java.io.IOException;
import java.net.URI;

/**
 * Sends one Web Push message to an app's push service (RFC 8030). Federation implements it: it encrypts the payload
 * for the app (RFC 8291), signs the request with the node's VAPID key (RFC 8292) and sends it through the guarded
 * outbound client, whose deadline and size cap hold for push services as for any other host.
 */
public interface PushGateway {
    /** What the push service made of the message. */
    enum Answer {
        /** Taken (2xx). */
        ACCEPTED,
        /** The subscription no longer exists (404, 410): it is removed. */
        GONE,
        /** Overloaded or failing (429, 5xx): the message is sent again later. */
        TRY_LATER,
        /** Refused for good (any other answer, or a destination the node may not reach): not sent again. */
        REFUSED
    }

    /** A plain payload for a subscription's endpoint and keys (the app's P-256 public key and its auth secret). */
    record Message(URI endpoint, byte[] p256dh, byte[] auth, byte[] payload) {}

    /** @throws IOException when the push service could not be reached (then the message is sent again later) */
    Answer send(Message message) throws IOException;
}
