package de.allmende.api.mastodon;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.LocalActor;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.PollService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/polls/:id} and {@code POST /api/v1/polls/:id/votes} ({@code choices[]}, form or JSON). */
public final class PollsHandler {
    private final PollService polls;
    private final AccountReads accounts;

    PollsHandler(PollService polls, AccountReads accounts) {
        this.polls = polls;
        this.accounts = accounts;
    }

    public void poll(RoutingContext ctx) {
        LocalActor me = me(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, PollJson.poll(polls.poll(accounts.viewer(me), AccountsHandler.id(ctx))));
    }

    public void vote(RoutingContext ctx) {
        LocalActor me = me(ctx);
        long id = AccountsHandler.id(ctx);
        List<Integer> choices = new ArrayList<>();
        for (String c : ClientParams.of(ctx).list("choices")) {
            try {
                choices.add(Integer.parseInt(c.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.unprocessable("Validation failed: choices are the options' indexes, as numbers");
            }
        }
        Responses.json(ctx, 200, MediaTypes.JSON, PollJson.poll(polls.vote(me, accounts.viewer(me), id, choices)));
    }

    private static LocalActor me(RoutingContext ctx) {
        return ClientAuth.grant(ctx).user().orElseThrow().municipality();
    }
}
