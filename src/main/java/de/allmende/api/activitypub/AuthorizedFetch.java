package de.allmende.api.activitypub;

import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.moderation.Moderation;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.federation.signature.VerificationResult;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optional authorized-fetch mode (like Mastodon's AUTHORIZED_FETCH): ActivityStreams GETs must be
 * signed by a non-blocked actor. Browsers (HTML) and the instance actor stay open.
 */
public final class AuthorizedFetch implements Handler<RoutingContext> {
    private final HttpSignatureVerifier verifier = HttpSignatureVerifier.federation();
    private final ActorResolver resolver;
    private final Moderation moderation;
    private final Iris iris;
    private final Clock clock;

    public AuthorizedFetch(ActorResolver resolver, Moderation moderation, Iris iris, Clock clock) {
        this.resolver = resolver;
        this.moderation = moderation;
        this.iris = iris;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String accept = String.valueOf(ctx.request().getHeader("Accept"));
        if (!(accept.contains("json"))) {
            ctx.next();
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(), k -> new ArrayList<>()).add(e.getValue()));
        String host = ctx.request().getHeader("Host");
        URI target = URI.create(iris.base().getScheme() + "://" + (host == null ? iris.base().getRawAuthority() : host) + ctx.request().uri());
        VerificationResult r = verifier.verify(SignedRequestParts.withoutBody("GET", target, headers), resolver, clock.instant());
        if (!r.isVerified()) throw new ApiException(401, "authorized fetch: request must be signed");
        URI keyId = URI.create(r.keyId().orElseThrow());
        if (moderation.isBlockedDomain(keyId.getRawAuthority())) throw ApiException.forbidden("domain is blocked");
        ctx.next();
    }
}
