package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.Search;
import de.allmende.support.ApiException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Search v2 ({@code GET /api/v2/search}: accounts, statuses, hashtags) and the account search apps use for
 * autocompletion ({@code GET /api/v1/accounts/search}), both over {@link Search}.
 */
public final class SearchHandler {
    /** Mastodon's sizes: search v2 20 per kind (at most 40); account search 40 (at most 80). */
    private static final int SEARCH_LIMIT = 20;
    private static final int SEARCH_MAX = 40;
    private static final int ACCOUNTS_LIMIT = 40;
    private static final int ACCOUNTS_MAX = 80;

    private final AccountReads viewers;
    private final Search search;
    private final AccountJson accountJson;
    private final StatusJson statusJson;

    SearchHandler(AccountReads viewers, Search search, AccountJson accountJson, StatusJson statusJson) {
        this.viewers = viewers;
        this.search = search;
        this.accountJson = accountJson;
        this.statusJson = statusJson;
    }

    public void search(RoutingContext ctx) {
        MultiMap p = ctx.queryParams();
        Optional<Search.Kind> type = Optional.ofNullable(p.get("type")).filter(t -> !t.isEmpty()).map(SearchHandler::kind);
        Search.Results r = search.search(viewer(ctx), query(p, type, SEARCH_LIMIT, SEARCH_MAX));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("accounts", accounts(r.accounts()));
        out.set("statuses", statusJson.statuses(r.statuses()));
        ArrayNode hashtags = out.putArray("hashtags");
        r.hashtags().forEach(t -> hashtags.add(TagsHandler.json(t, statusJson)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    public void accounts(RoutingContext ctx) {
        List<AccountFacts> found = search.accounts(viewer(ctx), query(ctx.queryParams(), Optional.empty(), ACCOUNTS_LIMIT, ACCOUNTS_MAX));
        Responses.json(ctx, 200, MediaTypes.JSON, accounts(found));
    }

    private ArrayNode accounts(List<AccountFacts> found) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        found.forEach(a -> out.add(accountJson.account(a)));
        return out;
    }

    private static Search.Query query(MultiMap p, Optional<Search.Kind> type, int defaultLimit, int maxLimit) {
        String q = p.get("q");
        if (q == null) throw ApiException.badRequest("q is missing");
        return new Search.Query(q, type, Paging.flag(p, "resolve"), Paging.flag(p, "following"),
                number(p.get("limit"), defaultLimit, 1, maxLimit), number(p.get("offset"), 0, 0, 10_000));
    }

    private static Search.Kind kind(String type) {
        return switch (type) {
            case "accounts", "statuses", "hashtags" -> Search.Kind.valueOf(type.toUpperCase(Locale.ROOT));
            default -> throw ApiException.badRequest("type must be accounts, statuses or hashtags");
        };
    }

    private static int number(String v, int otherwise, int min, int max) {
        if (v == null || !v.matches("[0-9]{1,9}")) return otherwise;
        return Math.clamp(Integer.parseInt(v), min, max);
    }

    private Viewer viewer(RoutingContext ctx) {
        return viewers.viewer(ClientAuth.grant(ctx).user().orElseThrow().municipality());
    }
}
