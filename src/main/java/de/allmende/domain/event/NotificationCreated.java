package de.allmende.domain.event;

import java.net.URI;

/**
 * A notification was written for a local account ({@code subject}, the recipient) because {@code actor} did
 * something. Recorded in the notification's own transaction, so a consumer (streaming's {@code notification} event,
 * Web Push) learns of every notification exactly when it exists; it reads the notification by its id.
 *
 * @param type the Mastodon type, e.g. {@code favourite}
 */
public record NotificationCreated(URI actor, URI subject, long notificationId, long accountId, String type) implements DomainEvent {}
