package de.allmende.api.activitypub;

import de.allmende.api.MediaTypes;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.iri.KeyOwnership;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ModerationService;
import de.allmende.federation.signature.HttpSignatureVerifier;
import de.allmende.federation.signature.PendingVerification;
import de.allmende.federation.signature.Precheck;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Optional authorized-fetch mode (like Mastodon's AUTHORIZED_FETCH): ActivityStreams GETs must be
 * signed by a non-blocked actor. Browsers (HTML) and the instance actor stay open.
 */
public final class AuthorizedFetch implements Handler<RoutingContext> {
    private static final Pattern ACTOR_PAGE = Pattern.compile("/actors/[^/]+/?");
    private static final Pattern ICON = Pattern.compile("/actors/[^/]+/icon\\.png");
    private static final Pattern FEED = Pattern.compile("/actors/[^/]+/([a-z]+/)?feed\\.atom|/actors/[^/]+/events\\.ics");
    private static final Pattern OBJECT = Pattern.compile("/objects/[^/]+");

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

    @Override
    public void handle(RoutingContext ctx) {
        if (servedWithoutSignature(ctx)) {
            ctx.next();
            return;
        }
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
        ctx.next();
    }

    /**
     * Browsers get the HTML profile and object pages (same negotiation as {@link ActorHandler} and
     * {@link ObjectHandler}), the icon and the Atom and iCalendar feeds without a signature, as the
     * public web face. Everything else under the guarded paths answers ActivityStreams JSON whatever
     * the Accept header says, so it needs a signature even when the client asks for HTML or nothing.
     */
    private static boolean servedWithoutSignature(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (ICON.matcher(path).matches() || FEED.matcher(path).matches()) return true;
        if (OBJECT.matcher(path).matches()) return ObjectHandler.wantsHtml(ctx);
        return ACTOR_PAGE.matcher(path).matches()
                && MediaTypes.negotiate(ctx.request().getHeader("Accept")) == MediaTypes.Representation.HTML;
    }
}
