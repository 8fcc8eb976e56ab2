package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.Page;
import de.allmende.service.client.StatusReads;
import de.allmende.service.client.StatusView;
import io.vertx.ext.web.RoutingContext;

/**
 * Statuses and timelines a client app reads (docs.joinmastodon.org/methods/statuses, methods/timelines): one
 * status, its thread, the home timeline and the public one (local, remote, only media).
 */
public final class StatusesHandler {
    private final AccountReads accounts;
    private final StatusReads reads;
    private final StatusJson json;
    private final Paging paging;

    StatusesHandler(AccountReads accounts, StatusReads reads, StatusJson json, Paging paging) {
        this.accounts = accounts;
        this.reads = reads;
        this.json = json;
        this.paging = paging;
    }

    public void status(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json.status(reads.status(viewer(ctx), AccountsHandler.id(ctx))));
    }

    public void context(RoutingContext ctx) {
        StatusReads.Context c = reads.context(viewer(ctx), AccountsHandler.id(ctx));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("ancestors", json.statuses(c.ancestors()));
        o.set("descendants", json.statuses(c.descendants()));
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }

    public void home(RoutingContext ctx) {
        answer(ctx, reads.home(viewer(ctx), Paging.request(ctx)));
    }

    public void publicTimeline(RoutingContext ctx) {
        TimelineFilter f = Paging.filter(ctx);
        // Mastodon: local wins when both are asked for.
        TimelineFilter where = new TimelineFilter(false, true, f.onlyMedia(), f.localOnly(), f.remoteOnly() && !f.localOnly());
        answer(ctx, reads.publicTimeline(viewer(ctx), Paging.request(ctx), where));
    }

    private void answer(RoutingContext ctx, Page<StatusView> page) {
        paging.link(ctx, page);
        Responses.json(ctx, 200, MediaTypes.JSON, json.statuses(page.items()));
    }

    private Viewer viewer(RoutingContext ctx) {
        return accounts.viewer(ClientAuth.grant(ctx).user().orElseThrow().municipality());
    }
}
