package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.ClientList;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.Lists;
import de.allmende.service.client.Page;
import de.allmende.service.client.StatusReads;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Lists (docs.joinmastodon.org/methods/lists): the municipality's lists, their members and the list timeline, which
 * pages like the home timeline and shows what home filters leave.
 */
final class ListsHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Lists lists;
    private final StatusReads statuses;
    private final AccountJson accounts;
    private final FilteredPages filtered;
    private final Paging paging;
    private final Viewers viewers;

    ListsHandler(Lists lists, StatusReads statuses, AccountJson accounts, FilteredPages filtered, Paging paging, Viewers viewers) {
        this.lists = lists;
        this.statuses = statuses;
        this.accounts = accounts;
        this.filtered = filtered;
        this.paging = paging;
        this.viewers = viewers;
    }

    void all(RoutingContext ctx) {
        answer(ctx, lists.all(viewers.of(ctx)));
    }

    void get(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(lists.get(viewers.of(ctx), Viewers.id(ctx))));
    }

    void create(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json(lists.create(viewers.of(ctx), changes(BodyParams.of(ctx)))));
    }

    void update(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, json(lists.update(v, id, changes(BodyParams.of(ctx)))));
    }

    void delete(RoutingContext ctx) {
        lists.delete(viewers.of(ctx), Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    /** The account's lists among the viewer's own. */
    void ofAccount(RoutingContext ctx) {
        answer(ctx, lists.holding(viewers.of(ctx), Viewers.id(ctx)));
    }

    /** Members, newest added first; {@code limit=0} answers all of them, as Mastodon does. */
    void members(RoutingContext ctx) {
        boolean all = "0".equals(ctx.queryParams().get("limit"));
        Page<Lists.Member> page = lists.members(viewers.of(ctx), Viewers.id(ctx), Paging.request(ctx), all);
        if (!all) paging.link(ctx, page);
        ArrayNode out = F.arrayNode();
        page.items().forEach(m -> out.add(accounts.account(m.account())));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    void addMembers(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        lists.add(v, id, accountIds(BodyParams.of(ctx)));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    void removeMembers(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        lists.remove(v, id, accountIds(BodyParams.of(ctx)));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    void timeline(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        ClientList list = lists.get(v, Viewers.id(ctx));
        filtered.answer(ctx, v, FilteredPages.Context.HOME, statuses.listTimeline(v, list, Paging.request(ctx)));
    }

    private static Lists.Changes changes(BodyParams p) {
        return new Lists.Changes(p.string("title"), p.string("replies_policy"), p.bool("exclusive"));
    }

    /** Ids that are no ids name no account: left out, so adding them changes nothing. */
    private static List<Long> accountIds(BodyParams p) {
        return p.strings("account_ids").stream().filter(s -> s.matches("[0-9]{1,18}")).map(Long::parseLong).distinct().limit(100).toList();
    }

    private static void answer(RoutingContext ctx, List<ClientList> found) {
        ArrayNode out = F.arrayNode();
        found.forEach(l -> out.add(json(l)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    private static ObjectNode json(ClientList l) {
        return F.objectNode().put("id", Long.toString(l.id())).put("title", l.title()).put("replies_policy", l.repliesPolicy())
                .put("exclusive", l.exclusive());
    }
}
