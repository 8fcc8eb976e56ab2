package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.event.NotificationCreated;
import de.allmende.domain.notification.NotificationFilter;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.NotificationReads;
import de.allmende.service.client.NotificationReads.NotificationView;
import de.allmende.service.client.Page;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The viewer's notifications (docs.joinmastodon.org/methods/notifications): the list with {@code types[]},
 * {@code exclude_types[]}, {@code account_id} and paging, one by id, the unread count, dismiss and clear.
 */
public final class NotificationsHandler {
    /** Mastodon's defaults: 40 notifications a page; the unread count counts up to 100 (at most 1000). */
    private static final int PAGE = 40;
    private static final int COUNT = 100;
    private static final int MAX_COUNT = 1000;

    private final AccountReads accounts;
    private final NotificationReads reads;
    private final AccountJson accountJson;
    private final StatusJson statusJson;
    private final Paging paging;

    NotificationsHandler(AccountReads accounts, NotificationReads reads, AccountJson accountJson, StatusJson statusJson, Paging paging) {
        this.accounts = accounts;
        this.reads = reads;
        this.accountJson = accountJson;
        this.statusJson = statusJson;
        this.paging = paging;
    }

    public void list(RoutingContext ctx) {
        Page<NotificationView> page = reads.page(viewer(ctx), filter(ctx.queryParams()), Paging.request(ctx, PAGE));
        paging.link(ctx, page);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        page.items().forEach(n -> out.add(json(n)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    public void one(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(reads.one(viewer(ctx), AccountsHandler.id(ctx))));
    }

    public void unreadCount(RoutingContext ctx) {
        String limit = ctx.queryParams().get("limit");
        int upTo = limit != null && limit.matches("[0-9]{1,9}") ? Math.clamp(Integer.parseInt(limit), 1, MAX_COUNT) : COUNT;
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("count", reads.unread(viewer(ctx), filter(ctx.queryParams()), upTo));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    public void dismiss(RoutingContext ctx) {
        reads.dismiss(viewer(ctx), AccountsHandler.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    public void clear(RoutingContext ctx) {
        reads.clear(viewer(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    /**
     * The Notification entity a {@link NotificationCreated} event announces, as its recipient sees it — for streaming's
     * {@code notification} event and Web Push; empty if it was dismissed or its status deleted meanwhile.
     */
    public Optional<ObjectNode> entity(NotificationCreated created) {
        return reads.find(new Viewer(created.accountId(), created.subject()), created.notificationId()).map(this::json);
    }

    /** The same entity for streaming's {@code notification} event, as a JSON string; empty if it is gone meanwhile. */
    public Optional<String> streamed(Viewer viewer, long notificationId) {
        return reads.find(viewer, notificationId).map(this::json).map(ObjectNode::toString);
    }

    private ObjectNode json(NotificationView n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", Long.toString(n.id())).put("type", n.type().wire()).put("created_at", AccountJson.time(n.createdAt()))
                .put("group_key", n.groupKey());
        o.set("account", accountJson.account(n.account()));
        n.status().ifPresent(s -> o.set("status", statusJson.status(s)));
        return o;
    }

    /** {@code types[]}, {@code exclude_types[]} (also without brackets, as some clients send them) and {@code account_id}. */
    static NotificationFilter filter(MultiMap q) {
        Optional<Long> from = Optional.ofNullable(q.get("account_id")).map(id -> id.matches("[0-9]{1,18}") ? Long.parseLong(id) : 0L);
        return new NotificationFilter(values(q, "types"), values(q, "exclude_types"), from);
    }

    private static Set<String> values(MultiMap q, String name) {
        List<String> all = new ArrayList<>(q.getAll(name + "[]"));
        all.addAll(q.getAll(name));
        return Set.copyOf(all);
    }

    private Viewer viewer(RoutingContext ctx) {
        return accounts.viewer(ClientAuth.grant(ctx).user().orElseThrow().municipality());
    }
}
