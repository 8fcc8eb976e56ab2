package de.allmende.service.push;

import de.allmende.domain.event.NotificationCreated;

import java.util.Optional;

/**
 * What a push message says (Mastodon's push payload: the token, the notification's id and type, a title, a body and an
 * icon), written by the client API, whose JSON it is.
 */
@FunctionalInterface
public interface PushPayloads {
    /** The payload for one notification, carrying the subscribing app's token; empty when the notification is gone. */
    Optional<byte[]> payload(NotificationCreated notification, String accessToken);
}
