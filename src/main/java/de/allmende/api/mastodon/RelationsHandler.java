package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.LocalActor;
import de.allmende.service.client.AccountActions;
import de.allmende.service.client.AccountActions.FollowChoice;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.Page;
import de.allmende.service.client.Relationship;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What an app does to accounts (docs.joinmastodon.org/methods/accounts, follow_requests, blocks, mutes,
 * domain_blocks): follow, unfollow, block, unblock, mute, unmute and note, each answering the Relationship;
 * follow requests with authorize and reject; the lists of blocked and muted accounts and of hidden domains;
 * familiar followers.
 */
public final class RelationsHandler {
    private final AccountActions actions;
    private final AccountReads reads;
    private final AccountsHandler accounts;
    private final AccountJson accountJson;
    private final Paging paging;

    RelationsHandler(AccountActions actions, AccountReads reads, AccountsHandler accounts, AccountJson accountJson, Paging paging) {
        this.actions = actions;
        this.reads = reads;
        this.accounts = accounts;
        this.accountJson = accountJson;
        this.paging = paging;
    }

    public void follow(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        List<String> languages = p.list("languages");
        boolean languagesSent = p.get("languages[]") != null || p.get("languages") != null;
        FollowChoice choice = new FollowChoice(flag(p, "reblogs"), flag(p, "notify"),
                languagesSent ? Optional.of(languages) : Optional.empty());
        answer(ctx, (a, id) -> actions.follow(a, id, choice));
    }

    public void unfollow(RoutingContext ctx) { answer(ctx, actions::unfollow); }
    public void block(RoutingContext ctx) { answer(ctx, actions::block); }
    public void unblock(RoutingContext ctx) { answer(ctx, actions::unblock); }
    public void unmute(RoutingContext ctx) { answer(ctx, actions::unmute); }
    public void authorize(RoutingContext ctx) { answer(ctx, actions::authorize); }
    public void reject(RoutingContext ctx) { answer(ctx, actions::reject); }

    /** {@code notifications} (default true) and {@code duration} in seconds (0 or none: for good). */
    public void mute(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        boolean notifications = flag(p, "notifications").orElse(true);
        String seconds = p.get("duration");
        if (seconds != null && !seconds.isEmpty() && !seconds.matches("[0-9]{1,10}")) throw ApiException.unprocessable("duration is not a number of seconds");
        Optional<Duration> duration = Optional.ofNullable(seconds).filter(s -> !s.isEmpty()).map(s -> Duration.ofSeconds(Long.parseLong(s)));
        answer(ctx, (a, id) -> actions.mute(a, id, notifications, duration));
    }

    public void note(RoutingContext ctx) {
        String comment = Optional.ofNullable(ClientParams.of(ctx).get("comment")).orElse("");
        answer(ctx, (a, id) -> actions.note(a, id, comment));
    }

    public void followRequests(RoutingContext ctx) {
        accounts.listed(ctx, reads.followRequests(accounts.viewer(ctx), Paging.request(ctx)));
    }

    public void blocks(RoutingContext ctx) {
        accounts.listed(ctx, reads.blocked(accounts.viewer(ctx), Paging.request(ctx)));
    }

    /** Mastodon's MutedAccount: the Account, and until when the mute holds ({@code mute_expires_at}, null: for good). */
    public void mutes(RoutingContext ctx) {
        Page<AccountReads.Muted> page = reads.muted(accounts.viewer(ctx), Paging.request(ctx));
        paging.link(ctx, page);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AccountReads.Muted m : page.items()) {
            var account = accountJson.account(m.account());
            if (m.until().isPresent()) account.put("mute_expires_at", AccountJson.time(m.until().get()));
            else account.putNull("mute_expires_at");
            out.add(account);
        }
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    /** The hidden domains: a list of strings, paged like every list. */
    public void domainBlocks(RoutingContext ctx) {
        Page<String> page = reads.blockedDomains(accounts.viewer(ctx), Paging.request(ctx));
        paging.link(ctx, page);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        page.items().forEach(out::add);
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    public void blockDomain(RoutingContext ctx) {
        actions.blockDomain(InteractionsHandler.municipality(ctx), ClientParams.of(ctx).get("domain"));
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    public void unblockDomain(RoutingContext ctx) {
        actions.unblockDomain(InteractionsHandler.municipality(ctx), ClientParams.of(ctx).get("domain"));
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    /** {@code id[]}: for each known account, whom the municipality follows that follows it too. */
    public void familiarFollowers(RoutingContext ctx) {
        List<Long> ids = AccountsHandler.ids(ctx);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AccountReads.Familiar f : reads.familiarFollowers(accounts.viewer(ctx), ids)) {
            ArrayNode list = out.addObject().put("id", Long.toString(f.accountId())).putArray("accounts");
            f.accounts().forEach(a -> list.add(accountJson.account(a)));
        }
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    private void answer(RoutingContext ctx, BiFunction<LocalActor, Long, Relationship> action) {
        Relationship r = action.apply(InteractionsHandler.municipality(ctx), AccountsHandler.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, RelationshipJson.relationship(r));
    }

    /** A boolean as Rails reads one: true, 1, on (and false, 0, off); absent or empty: none. */
    private static Optional<Boolean> flag(ClientParams p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) return Optional.empty();
        return Optional.of(v.equals("true") || v.equals("1") || v.equals("on"));
    }
}
