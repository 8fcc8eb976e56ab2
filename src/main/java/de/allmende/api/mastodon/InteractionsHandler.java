package de.allmende.api.mastodon;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.LocalActor;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.Page;
import de.allmende.service.client.StatusActions;
import de.allmende.service.client.StatusReads;
import de.allmende.service.client.StatusView;
import de.allmende.store.ReactionStore;
import io.vertx.ext.web.RoutingContext;

import java.util.function.BiFunction;

/**
 * What an app does to statuses (docs.joinmastodon.org/methods/statuses, favourites, bookmarks): favourite, boost,
 * bookmark, pin, mute the thread and their undos, each answering the Status; who favourited or boosted one; the municipality's
 * favourites and bookmarks, paged by Link headers.
 */
public final class InteractionsHandler {
    private final StatusActions actions;
    private final StatusReads reads;
    private final AccountReads accountReads;
    private final AccountsHandler accounts;
    private final StatusJson json;
    private final Paging paging;

    InteractionsHandler(StatusActions actions, StatusReads reads, AccountReads accountReads, AccountsHandler accounts, StatusJson json,
                        Paging paging) {
        this.actions = actions;
        this.reads = reads;
        this.accountReads = accountReads;
        this.accounts = accounts;
        this.json = json;
        this.paging = paging;
    }

    public void favourite(RoutingContext ctx) { act(ctx, actions::favourite); }
    public void unfavourite(RoutingContext ctx) { act(ctx, actions::unfavourite); }
    public void reblog(RoutingContext ctx) { act(ctx, actions::reblog); }
    public void unreblog(RoutingContext ctx) { act(ctx, actions::unreblog); }
    public void bookmark(RoutingContext ctx) { act(ctx, actions::bookmark); }
    public void unbookmark(RoutingContext ctx) { act(ctx, actions::unbookmark); }
    public void pin(RoutingContext ctx) { act(ctx, actions::pin); }
    public void muteConversation(RoutingContext ctx) { act(ctx, actions::muteConversation); }
    public void unmuteConversation(RoutingContext ctx) { act(ctx, actions::unmuteConversation); }
    public void unpin(RoutingContext ctx) { act(ctx, actions::unpin); }

    public void favouritedBy(RoutingContext ctx) {
        accounts.listed(ctx, accountReads.reactors(accounts.viewer(ctx), AccountsHandler.id(ctx), ReactionStore.Kind.LIKE, Paging.request(ctx)));
    }

    public void rebloggedBy(RoutingContext ctx) {
        accounts.listed(ctx, accountReads.reactors(accounts.viewer(ctx), AccountsHandler.id(ctx), ReactionStore.Kind.ANNOUNCE, Paging.request(ctx)));
    }

    public void favourites(RoutingContext ctx) {
        statuses(ctx, reads.favourites(accounts.viewer(ctx), Paging.request(ctx)));
    }

    public void bookmarks(RoutingContext ctx) {
        statuses(ctx, reads.bookmarks(accounts.viewer(ctx), Paging.request(ctx)));
    }

    private void statuses(RoutingContext ctx, Page<StatusView> page) {
        paging.link(ctx, page);
        Responses.json(ctx, 200, MediaTypes.JSON, json.statuses(page.items()));
    }

    private void act(RoutingContext ctx, BiFunction<LocalActor, Long, StatusView> action) {
        Responses.json(ctx, 200, MediaTypes.JSON, json.status(action.apply(municipality(ctx), AccountsHandler.id(ctx))));
    }

    static LocalActor municipality(RoutingContext ctx) {
        return ClientAuth.grant(ctx).user().orElseThrow().municipality();
    }
}
