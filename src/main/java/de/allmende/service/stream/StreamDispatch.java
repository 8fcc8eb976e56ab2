package de.allmende.service.stream;

import de.allmende.db.Database;
import de.allmende.domain.client.Viewer;
import de.allmende.service.stream.StreamMessage.NotificationAdded;
import de.allmende.service.stream.StreamMessage.StatusCreated;
import de.allmende.service.stream.StreamMessage.StatusDeleted;
import de.allmende.service.stream.StreamMessage.StatusEdited;
import de.allmende.service.stream.StreamName.Kind;
import de.allmende.store.StreamStore;
import de.allmende.store.StreamStore.PostFacts;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which of this process's open streams hear one message, and renders it once per viewer account:
 * <ul>
 *   <li>{@code user}: posts on the viewer's home timeline (its own, and those of accounts it follows that it
 *   may see: followers-only only to followers, direct only to whom it addresses) and its notifications;</li>
 *   <li>public and hashtag streams: public posts that are no boosts, as Mastodon broadcasts them (never
 *   followers-only or direct ones), local or remote, with media or not, carrying the tag;</li>
 *   <li>{@code user:notification}: notifications only; lists and {@code direct}: nothing yet.</li>
 * </ul>
 */
final class StreamDispatch {
    private final Database db;
    private final StreamRenderer renderer;
    private final Supplier<StreamRenderer.Notifications> notifications;
    private final StreamStore store = new StreamStore();

    StreamDispatch(Database db, StreamRenderer renderer, Supplier<StreamRenderer.Notifications> notifications) {
        this.db = db;
        this.renderer = renderer;
        this.notifications = notifications;
    }

    void dispatch(StreamMessage message, Iterable<StreamClient> clients) {
        switch (message) {
            case StatusCreated c -> status(c.postId(), "update", clients);
            case StatusEdited e -> status(e.postId(), "status.update", clients);
            case StatusDeleted d -> status(d.postId(), "delete", clients);
            case NotificationAdded n -> notification(n, clients);
        }
    }

    private void status(long postId, String event, Iterable<StreamClient> clients) {
        DSLContext tx = db.dsl();
        Optional<PostFacts> found = store.facts(tx, postId);
        if (found.isEmpty()) return;
        PostFacts post = found.get();
        Map<Long, Boolean> onHome = new HashMap<>();
        Map<Long, Optional<String>> rendered = new HashMap<>();
        for (StreamClient c : clients) {
            Viewer v = c.viewer();
            for (StreamName s : c.streams()) {
                boolean hears = s.kind() == Kind.USER
                        ? onHome.computeIfAbsent(v.accountId(), a -> store.onHome(tx, v, postId))
                        : broadcast(post, s);
                if (!hears) continue;
                Optional<String> payload = event.equals("delete") ? Optional.of(Long.toString(postId))
                        : rendered.computeIfAbsent(v.accountId(), a -> renderer.status(v, postId));
                payload.ifPresent(p -> c.send(s, event, p));
            }
        }
    }

    /** Whether a public or hashtag stream carries the post. */
    private static boolean broadcast(PostFacts post, StreamName s) {
        if (!post.isPublic() || post.boost()) return false;
        return switch (s.kind()) {
            case PUBLIC -> true;
            case PUBLIC_MEDIA -> post.withMedia();
            case PUBLIC_LOCAL -> post.local();
            case PUBLIC_LOCAL_MEDIA -> post.local() && post.withMedia();
            case PUBLIC_REMOTE -> !post.local();
            case PUBLIC_REMOTE_MEDIA -> !post.local() && post.withMedia();
            case HASHTAG -> post.hashtags().contains(s.param().orElse(""));
            case HASHTAG_LOCAL -> post.local() && post.hashtags().contains(s.param().orElse(""));
            case USER, USER_NOTIFICATION, LIST, DIRECT -> false;
        };
    }

    private void notification(NotificationAdded n, Iterable<StreamClient> clients) {
        Map<Long, Optional<String>> rendered = new HashMap<>(); // once for the account, then reused
        for (StreamClient c : clients) {
            if (c.viewer().accountId() != n.accountId()) continue;
            for (StreamName s : c.streams()) {
                if (s.kind() != Kind.USER && s.kind() != Kind.USER_NOTIFICATION) continue;
                rendered.computeIfAbsent(n.accountId(), a -> notifications.get().notification(c.viewer(), n.notificationId()))
                        .ifPresent(p -> c.send(s, "notification", p));
            }
        }
    }
}
