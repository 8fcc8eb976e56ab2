package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.domain.client.Viewer;
import de.allmende.route.Param;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.Page;
import de.allmende.domain.client.AccountFacts;
import de.allmende.service.client.StatusReads;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts a client app reads (docs.joinmastodon.org/methods/accounts): the person's municipality, any
 * account by id or acct, relationships, an account's statuses, followers and following.
 */
public final class AccountsHandler {
    private final AccountReads reads;
    private final StatusReads statuses;
    private final AccountJson accounts;
    private final Paging paging;
    private final FilteredPages filtered;

    AccountsHandler(AccountReads reads, StatusReads statuses, AccountJson accounts, FilteredPages filtered, Paging paging) {
        this.reads = reads;
        this.statuses = statuses;
        this.accounts = accounts;
        this.filtered = filtered;
        this.paging = paging;
    }

    public void verifyCredentials(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, accounts.credential(reads.credentials(ClientAuth.grant(ctx).user().orElseThrow().municipality())));
    }

    public void account(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, accounts.account(reads.account(id(ctx))));
    }

    public void lookup(RoutingContext ctx) {
        String acct = ctx.queryParams().get("acct");
        if (acct == null || acct.isBlank()) throw ApiException.badRequest("acct is missing");
        Responses.json(ctx, 200, MediaTypes.JSON, accounts.account(reads.lookup(acct)));
    }

    public void relationships(RoutingContext ctx) {
        List<Long> ids = ids(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, RelationshipJson.relationships(reads.relationships(viewer(ctx), ids)));
    }

    public void statuses(RoutingContext ctx) {
        Viewer v = viewer(ctx);
        var page = statuses.byAccount(v, id(ctx), Paging.request(ctx), Paging.filter(ctx), Paging.flag(ctx.queryParams(), "pinned"));
        filtered.answer(ctx, v, FilteredPages.Context.ACCOUNT, page);
    }

    public void followers(RoutingContext ctx) {
        listed(ctx, reads.followers(id(ctx), Paging.request(ctx)));
    }

    public void following(RoutingContext ctx) {
        listed(ctx, reads.following(id(ctx), Paging.request(ctx)));
    }

    /** A page of accounts, with its Link header. */
    void listed(RoutingContext ctx, Page<AccountFacts> page) {
        paging.link(ctx, page);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        page.items().forEach(a -> out.add(accounts.account(a)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    Viewer viewer(RoutingContext ctx) {
        return reads.viewer(ClientAuth.grant(ctx).user().orElseThrow().municipality());
    }

    /** The {@code id[]} (or {@code id}) an account list asks about: ids only, at most 100. */
    static List<Long> ids(RoutingContext ctx) {
        List<String> raw = new ArrayList<>(ctx.queryParams().getAll("id[]"));
        raw.addAll(ctx.queryParams().getAll("id"));
        return raw.stream().filter(s -> s.matches("[0-9]{1,18}")).map(Long::parseLong).limit(100).toList();
    }

    /** The {@code :id} of an account or status route; digits beyond a long name nothing either (404). */
    static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(PathParams.value(ctx, Param.CLIENT_ID, "Record not found"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Record not found");
        }
    }
}
