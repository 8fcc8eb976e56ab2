package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.TimelineFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.StatusReads;
import io.vertx.ext.web.RoutingContext;

/**
 * Statuses and timelines a client app reads (docs.joinmastodon.org/methods/statuses, methods/timelines): one
 * status, its thread, the home timeline and the public one (local, remote, only media).
 */
public final class StatusesHandler {
    private final AccountReads accounts;
    private final StatusReads reads;
    private final StatusJson json;
    private final FilteredPages filtered;

    StatusesHandler(AccountReads accounts, StatusReads reads, StatusJson json, FilteredPages filtered) {
        this.accounts = accounts;
        this.reads = reads;
        this.json = json;
        this.filtered = filtered;
    }

    public void status(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, json.status(reads.status(viewer(ctx), AccountsHandler.id(ctx))));
    }

    public void context(RoutingContext ctx) {
        Viewer v = viewer(ctx);
        StatusReads.Context c = reads.context(v, AccountsHandler.id(ctx));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("ancestors", filtered.statuses(v, FilteredPages.Context.THREAD, c.ancestors()));
        o.set("descendants", filtered.statuses(v, FilteredPages.Context.THREAD, c.descendants()));
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }

    public void home(RoutingContext ctx) {
        Viewer v = viewer(ctx);
        filtered.answer(ctx, v, FilteredPages.Context.HOME, reads.home(v, Paging.request(ctx)));
    }

    public void publicTimeline(RoutingContext ctx) {
        TimelineFilter f = Paging.filter(ctx);
        // Mastodon: local wins when both are asked for.
        TimelineFilter where = new TimelineFilter(false, true, f.onlyMedia(), f.localOnly(), f.remoteOnly() && !f.localOnly());
        Viewer v = viewer(ctx);
        filtered.answer(ctx, v, FilteredPages.Context.PUBLIC, reads.publicTimeline(v, Paging.request(ctx), where));
    }

    private Viewer viewer(RoutingContext ctx) {
        return accounts.viewer(ClientAuth.grant(ctx).user().orElseThrow().municipality());
    }
}
