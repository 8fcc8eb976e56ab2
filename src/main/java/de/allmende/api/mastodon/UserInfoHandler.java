package de.allmende.api.mastodon;

import de.allmende.api.Responses;
import de.allmende.domain.LocalActor;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.federation.iri.Iris;
import de.allmende.route.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /oauth/userinfo} (Mastodon 4.4, {@code profile} scope): OpenID Connect's claims for the account
 * the token acts as, which in the apps is the municipality. {@code sub} is its ActivityPub IRI.
 */
public final class UserInfoHandler {
    private final Iris iris;

    UserInfoHandler(Iris iris) {
        this.iris = iris;
    }

    public void handle(RoutingContext ctx) {
        ClientGrant.User user = ClientAuth.grant(ctx).user().orElseThrow();
        LocalActor municipality = user.municipality();
        OAuthAnswers.json(ctx, 200, Responses.JSON.createObjectNode()
                .put("iss", iris.base().toString())
                .put("sub", iris.actor(municipality.handle()).toString())
                .put("name", municipality.displayName())
                .put("preferred_username", municipality.handle())
                .put("profile", iris.of(Route.PROFILE, municipality.handle()).toString())
                .put("picture", iris.of(Route.ICON, municipality.handle()).toString()));
    }
}
