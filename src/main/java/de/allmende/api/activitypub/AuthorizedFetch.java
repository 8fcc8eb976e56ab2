package de.allmende.api.activitypub;

import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.iri.KeyOwnership;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.PendingVerification;
import de.allmende.federation.signature.Precheck;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.route.Access;
import de.allmende.route.Route;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Optional authorized-fetch mode (like Mastodon's AUTHORIZED_FETCH): ActivityStreams GETs must be
 * signed by a non-blocked actor. Which routes it guards is the route table's to say
 * ({@link Access#needsSignedFetch}); a route whose page is public lets browsers through, by the same
 * content negotiation its handler uses. Everything else it guards answers ActivityStreams JSON whatever
 * the Accept header says, so it needs a signature even when the client asks for HTML or nothing.
 */
public final class AuthorizedFetch {
    private final HttpSignatureVerifier verifier = HttpSignatureVerifier.federation();
    private final ActorResolver resolver;
    private final ModerationService moderation;
    private final Iris iris;
    private final Clock clock;

    public AuthorizedFetch(ActorResolver resolver, ModerationService moderation, Iris iris, Clock clock) {
        this.resolver = resolver;
        this.moderation = moderation;
        this.iris = iris;
        this.clock = clock;
    }

    /**
     * The guard of one route.
     *
     * @param servesPage whether a request gets the route's public HTML page; asked only for
     *                   {@link Access#PAGE_OR_SIGNED_FETCH} routes
     */
    public Handler<RoutingContext> guard(Route route, Predicate<RoutingContext> servesPage) {
        if (!route.access().needsSignedFetch()) throw new IllegalArgumentException(route + " is not for authorized fetch");
        boolean pageIsPublic = route.access() == Access.PAGE_OR_SIGNED_FETCH;
        return ctx -> {
            if (!(pageIsPublic && servesPage.test(ctx))) requireSignature(ctx);
            ctx.next();
        };
    }

    private void requireSignature(RoutingContext ctx) {
        Map<String, List<String>> headers = RequestTarget.headers(ctx);
        URI target = RequestTarget.of(ctx, iris);
        Precheck pre = verifier.prepare(SignedRequestParts.withoutBody("GET", target, headers), clock.instant());
        if (!(pre instanceof PendingVerification pending)) throw new ApiException(401, "authorized fetch: request must be signed");
        URI keyId = KeyOwnership.parse(pending.keyId())
                .orElseThrow(() -> new ApiException(401, "authorized fetch: request must be signed"));
        // Checked before the key is fetched: a blocked domain gets no request from us.
        if (moderation.isBlockedDomain(keyId.getRawAuthority())) throw ApiException.forbidden("domain is blocked");
        var checked = resolver.signerKeys().check(pending);
        URI signer = checked.signer().orElseThrow(() -> new ApiException(401, "authorized fetch: request must be signed"));
        if (moderation.isBlockedActor(signer.toString())) throw ApiException.forbidden("actor is blocked");
        checked.keep().run(); // the signer's document is stored only for a request that is served
    }
}
