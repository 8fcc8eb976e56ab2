package de.allmende.service.client;

import de.allmende.db.Database;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.PageRequest;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.notification.NotificationFilter;
import de.allmende.domain.notification.NotificationType;
import de.allmende.store.AccountFactsStore;
import de.allmende.store.NotificationStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What client apps read and do with the viewer's notifications (docs.joinmastodon.org/methods/notifications): a
 * page, one, how many, dismiss one, clear all. Only the viewer's own: another account's notification is answered
 * like one that does not exist (404). A notification whose status the viewer can no longer see (deleted, or never
 * visible to it) is left out, as Mastodon leaves out those without their status.
 */
public final class NotificationReads {
    private static final String NOT_FOUND = "Record not found";

    private final Database db;
    private final StatusReads statuses;
    private final NotificationStore notifications = new NotificationStore();
    private final AccountFactsStore accounts = new AccountFactsStore();

    public NotificationReads(Database db, StatusReads statuses) {
        this.db = db;
        this.statuses = statuses;
    }

    /** A notification as apps show it: who did what, about which status. */
    public record NotificationView(long id, NotificationType type, Instant createdAt, String groupKey, AccountFacts account,
                                   Optional<StatusView> status) {}

    public Page<NotificationView> page(Viewer v, NotificationFilter filter, PageRequest page) {
        List<NotificationStore.Stored> rows = notifications.page(db.dsl(), v.accountId(), filter, page);
        List<NotificationView> items = views(v, rows);
        // The cursors are the rows', so a notification left out does not end the paging.
        return new Page<>(items, rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst().id()),
                rows.isEmpty() ? Optional.empty() : Optional.of(rows.getLast().id()));
    }

    public NotificationView one(Viewer v, long id) {
        return find(v, id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** The viewer's notification, if it still exists and has what it is about (what streaming pushes). */
    public Optional<NotificationView> find(Viewer v, long id) {
        return notifications.find(db.dsl(), v.accountId(), id).flatMap(row -> views(v, List.of(row)).stream().findFirst());
    }

    /**
     * How many notifications there are, up to {@code limit}. Without read markers yet, every notification counts as
     * unread.
     */
    public int unread(Viewer v, NotificationFilter filter, int limit) {
        return notifications.count(db.dsl(), v.accountId(), filter, limit);
    }

    public void dismiss(Viewer v, long id) {
        if (!notifications.dismiss(db.dsl(), v.accountId(), id)) throw ApiException.notFound(NOT_FOUND);
    }

    public void clear(Viewer v) {
        notifications.clear(db.dsl(), v.accountId());
    }

    private List<NotificationView> views(Viewer v, List<NotificationStore.Stored> rows) {
        DSLContext tx = db.dsl();
        Map<Long, AccountFacts> from = accounts.byIds(tx, rows.stream().map(NotificationStore.Stored::fromAccountId).distinct().toList());
        Map<Long, StatusView> about = statuses.visible(v, rows.stream().flatMap(r -> r.postId().stream()).distinct().toList());
        List<NotificationView> out = new ArrayList<>(rows.size());
        for (NotificationStore.Stored r : rows) {
            AccountFacts account = from.get(r.fromAccountId());
            Optional<StatusView> status = r.postId().map(about::get);
            if (account == null || (r.type().hasStatus() && status.isEmpty())) continue;
            out.add(new NotificationView(r.id(), r.type(), r.created(), groupKey(r), account, status));
        }
        return out;
    }

    /**
     * Mastodon 4.3's group key: favourites and boosts of one status, and follows, group by the hour they came in;
     * everything else is a group of its own ({@code ungrouped-<id>}, which apps may rely on).
     */
    static String groupKey(NotificationStore.Stored r) {
        long hour = r.created().getEpochSecond() / 3600;
        return switch (r.type()) {
            case FAVOURITE, REBLOG -> r.type().wire() + "-" + r.postId().orElseThrow() + "-" + hour;
            case FOLLOW -> "follow-" + hour;
            default -> "ungrouped-" + r.id();
        };
    }
}
