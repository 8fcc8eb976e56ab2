package de.allmende.service.stream;

import de.allmende.domain.client.Viewer;

import java.util.Optional;

/**
 * How an event's payload is written for one viewer: the client API's JSON lives in {@code api.mastodon}, so
 * the hub is handed these. Empty when the viewer may not see it (or it is gone meanwhile): nothing is sent.
 */
public interface StreamRenderer {
    /** The Status entity of a post as the viewer sees it, as a JSON string. */
    Optional<String> status(Viewer viewer, long postId);

    /** Renders the Notification entity a notification id names, for the account it belongs to. */
    @FunctionalInterface
    interface Notifications {
        Optional<String> notification(Viewer viewer, long notificationId);

        /** Until notifications are wired, none are rendered (and none sent). */
        Notifications NONE = (viewer, id) -> Optional.empty();
    }
}
