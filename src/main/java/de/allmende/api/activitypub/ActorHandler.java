package de.allmende.api.activitypub;

import de.allmende.api.PathParams;
import de.allmende.api.MediaTypes;
import de.allmende.api.MediaTypes.Representation;
import de.allmende.api.Responses;
import de.allmende.api.web.ProfilePage;
import de.allmende.domain.LocalActor;
import de.allmende.federation.json.LocalActorToAs;
import de.allmende.service.ActorService;
import de.allmende.service.ContentService;
import de.allmende.service.KeyService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

/**
 * Actor documents with content negotiation at one URL: ActivityStreams JSON for servers, the HTML
 * profile for browsers. The instance actor is always served without a signature check (FEP-2677).
 */
public final class ActorHandler {
    /** How many recent items the profile page lists. */
    private static final int RECENT = 20;

    private final ActorService actors;
    private final KeyService keys;
    private final LocalActorToAs toAs;
    private final ProfilePage page;
    private final ContentService content;

    public ActorHandler(ActorService actors, KeyService keys, LocalActorToAs toAs, ProfilePage page, ContentService content) {
        this.actors = actors;
        this.content = content;
        this.keys = keys;
        this.toAs = toAs;
        this.page = page;
    }

    public void municipality(RoutingContext ctx) {
        LocalActor actor = actors.findMunicipality(PathParams.handle(ctx))
                .orElseThrow(() -> ApiException.notFound("no such actor"));
        Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
        ctx.response().putHeader("Vary", "Accept");
        if (r == Representation.HTML) {
            Responses.html(ctx, 200, page.render(actor, content.recent(actor, null, RECENT)));
        } else {
            Responses.json(ctx, 200, MediaTypes.contentType(r), toAs.municipality(actor, keys.publishedKeys(actor.id())));
        }
    }

    public void instance(RoutingContext ctx) {
        LocalActor actor = actors.instanceActor();
        Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
        ctx.response().putHeader("Vary", "Accept");
        // Servers fetching the instance actor sometimes send no Accept at all: JSON unless a browser asks for HTML.
        if (r == Representation.HTML && ctx.request().getHeader("Accept") != null
                && ctx.request().getHeader("Accept").contains("text/html")) {
            Responses.html(ctx, 200, page.renderInstance(actor));
        } else {
            Representation json = r == Representation.HTML ? Representation.ACTIVITY_JSON : r;
            Responses.json(ctx, 200, MediaTypes.contentType(json), toAs.instance(actor, keys.publishedKeys(actor.id())));
        }
    }
}
