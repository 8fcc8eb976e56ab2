package de.allmende.domain.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Mastodon's notification types this node writes (docs.joinmastodon.org/entities/Notification/#type); {@code status}
 * and {@code poll} come with subscriptions and polls.
 */
public enum NotificationType {
    FOLLOW, FOLLOW_REQUEST, MENTION, REBLOG, FAVOURITE, UPDATE, POLL, STATUS;

    /** The name apps see and the database keeps. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type by its wire name; empty for one this node does not write (an app may ask for any). */
    public static Optional<NotificationType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }

    /** Whether a notification of this type is about a status. */
    public boolean hasStatus() {
        return this != FOLLOW && this != FOLLOW_REQUEST;
    }
}
