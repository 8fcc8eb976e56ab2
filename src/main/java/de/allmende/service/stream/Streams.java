package de.allmende.service.stream;

import de.allmende.db.Database;
import de.allmende.domain.event.DomainEvent;
import de.allmende.domain.event.PostEvent;
import de.allmende.service.stream.StreamMessage.NotificationAdded;
import de.allmende.service.stream.StreamMessage.StatusCreated;
import de.allmende.service.stream.StreamMessage.StatusDeleted;
import de.allmende.service.stream.StreamMessage.StatusEdited;
import de.allmende.store.PostStore;
import org.jooq.DSLContext;

/**
 * Puts what streaming clients hear on PostgreSQL's {@link #CHANNEL}, which every node process listens to
 * ({@link StreamHub}): so a post received by one process reaches a client connected to another.
 *
 * <p>Posts come from the {@code streaming} consumer of domain events ({@link #apply}); notifications from whoever
 * records them, in the recording transaction ({@link #publishNotification}).
 */
public final class Streams {
    public static final String CHANNEL = "allmende_stream";

    private final Database db;
    private final PostStore posts = new PostStore();

    public Streams(Database db) {
        this.db = db;
    }

    /**
     * The consumer's handler: a post created, edited or deleted goes out by its id (a post not stored: nothing); a
     * notification written goes to its recipient's streams.
     */
    public void apply(DomainEvent event) {
        applyIn(db.dsl(), event);
    }

    /**
     * The batched consumer's handler: the posts' ids read at once, the messages sent in one statement, in the order of
     * the events; they go out when the batch's transaction commits.
     */
    public void applyAll(DSLContext tx, java.util.List<de.allmende.service.events.EventWorker.Recorded> events) {
        var ids = posts.idsOf(tx, events.stream().map(r -> r.event() instanceof PostEvent p ? p.subject() : null)
                .filter(java.util.Objects::nonNull).toList());
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (var r : events) {
            if (r.event() instanceof de.allmende.domain.event.NotificationCreated n) {
                messages.add(new NotificationAdded(n.accountId(), n.notificationId()).encode());
            } else if (r.event() instanceof PostEvent p && ids.containsKey(p.subject())) {
                messages.add(message(p, ids.get(p.subject())).encode());
            }
        }
        if (!messages.isEmpty()) tx.fetch("SELECT pg_notify(?, m) FROM unnest(?::text[]) AS m", CHANNEL, messages.toArray(String[]::new));
    }

    private static StreamMessage message(PostEvent p, long id) {
        return switch (p) {
            case PostEvent.PostCreated c -> new StatusCreated(id);
            case PostEvent.PostEdited e -> new StatusEdited(id);
            case PostEvent.PostDeleted d -> new StatusDeleted(id);
        };
    }

    private void applyIn(DSLContext tx, DomainEvent event) {
        if (event instanceof de.allmende.domain.event.NotificationCreated n) {
            publishNotification(tx, n.accountId(), n.notificationId());
            return;
        }
        if (!(event instanceof PostEvent p)) return;
        posts.idOf(tx, p.subject()).ifPresent(id -> publish(tx, message(p, id)));
    }

    /**
     * Tells the streams of local account {@code accountId} of notification {@code notificationId}: its
     * {@code user} and {@code user:notification} streams on every process get a {@code notification} event,
     * rendered by the renderer given to {@link StreamHub#renderNotificationsWith}. Inside a transaction the
     * message goes out only when (and if) it commits, so a client never reads a notification that is not there yet.
     */
    public static void publishNotification(DSLContext tx, long accountId, long notificationId) {
        publish(tx, new NotificationAdded(accountId, notificationId));
    }

    static void publish(DSLContext tx, StreamMessage message) {
        tx.fetch("SELECT pg_notify(?, ?)", CHANNEL, message.encode());
    }
}
