package de.allmende.api.mastodon;

import de.allmende.domain.client.Poster;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.service.client.AccountReads;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** Who a client request reads as: the municipality the token's person acts as (none for an app's own token). */
final class Viewers {
    private final AccountReads accounts;

    Viewers(AccountReads accounts) {
        this.accounts = accounts;
    }

    /** The viewer of a route that needs a person (its guard let no app's own token through). */
    Viewer of(RoutingContext ctx) {
        return accounts.viewer(user(ctx).orElseThrow().municipality());
    }

    /** Who writes: the person behind the token, acting as its municipality with this token. */
    Poster poster(RoutingContext ctx) {
        return StatusWritesHandler.poster(ctx, accounts);
    }

    Optional<Viewer> optional(RoutingContext ctx) {
        return user(ctx).map(u -> accounts.viewer(u.municipality()));
    }

    static Optional<ClientGrant.User> user(RoutingContext ctx) {
        return ClientAuth.grant(ctx).user();
    }

    /** An {@code :id} of the client API (digits); any other value names nothing (404). */
    static long id(RoutingContext ctx) {
        return AccountsHandler.id(ctx);
    }
}
