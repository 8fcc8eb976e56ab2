package de.allmende.service.stream;

import java.util.Optional;

/**
 * What goes to every node process over {@link Streams#CHANNEL}: only ids, so the payload stays far below
 * PostgreSQL's 8000 bytes; each process reads and renders for its own clients, as each may see it.
 */
public sealed interface StreamMessage {

    /** The payload of the NOTIFY. */
    String encode();

    /** A new post: Mastodon's {@code update} event. */
    record StatusCreated(long postId) implements StreamMessage {
        public String encode() { return "update:" + postId; }
    }

    /** An edited post: {@code status.update}. */
    record StatusEdited(long postId) implements StreamMessage {
        public String encode() { return "status.update:" + postId; }
    }

    /** A deleted post: {@code delete}, whose payload is just the id. */
    record StatusDeleted(long postId) implements StreamMessage {
        public String encode() { return "delete:" + postId; }
    }

    /** A notification for the local account {@code accountId}: {@code notification}. */
    record NotificationAdded(long accountId, long notificationId) implements StreamMessage {
        public String encode() { return "notification:" + accountId + ":" + notificationId; }
    }

    /** The message a payload names; empty for one this version does not know (a newer process sent it). */
    static Optional<StreamMessage> decode(String payload) {
        String[] p = payload == null ? new String[0] : payload.split(":");
        try {
            return switch (p.length == 2 ? p[0] : p.length == 3 ? p[0] : "") {
                case "update" -> Optional.of(new StatusCreated(Long.parseLong(p[1])));
                case "status.update" -> Optional.of(new StatusEdited(Long.parseLong(p[1])));
                case "delete" -> Optional.of(new StatusDeleted(Long.parseLong(p[1])));
                case "notification" -> p.length == 3
                        ? Optional.of(new NotificationAdded(Long.parseLong(p[1]), Long.parseLong(p[2]))) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
