package de.allmende.api.activitypub;

import de.allmende.api.PathParams;
import de.allmende.api.DocumentCache;
import de.allmende.api.DocumentCache.Key;
import de.allmende.api.DocumentCache.Rendered;
import de.allmende.api.MediaTypes;
import de.allmende.api.MediaTypes.Representation;
import de.allmende.api.web.ProfilePage;
import de.allmende.db.Changes;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.LocalActorToAs;
import de.allmende.service.ActorService;
import de.allmende.service.ContentService;
import de.allmende.service.KeyService;
import de.allmende.store.StoredKey;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actor documents with content negotiation at one URL: ActivityStreams JSON for servers, the HTML
 * profile for browsers. The instance actor is always served without a signature check (FEP-2677).
 * Both are kept rendered in the {@link DocumentCache}: they show the actor (any actor change, e.g. new
 * keys) and, for municipalities, the actor's recent content (announced under its IRI).
 */
public final class ActorHandler {
    /** How many recent items the profile page lists. */
    private static final int RECENT = 20;

    private final ActorService actors;
    private final KeyService keys;
    private final LocalActorToAs toAs;
    private final ProfilePage page;
    private final ContentService content;
    private final Iris iris;
    private final DocumentCache cache;

    public ActorHandler(ActorService actors, KeyService keys, LocalActorToAs toAs, ProfilePage page, ContentService content, Iris iris,
                        DocumentCache cache) {
        this.actors = actors;
        this.content = content;
        this.keys = keys;
        this.toAs = toAs;
        this.page = page;
        this.iris = iris;
        this.cache = cache;
    }

    public void municipality(RoutingContext ctx) {
        String handle = PathParams.handle(ctx);
        Representation r = representation(ctx);
        ctx.response().putHeader("Vary", "Accept");
        cache.respond(ctx, new Key("actor", r.name(), handle), () -> {
            LocalActor actor = actors.findMunicipality(handle).orElseThrow(() -> ApiException.notFound("no such actor"));
            Set<String> topics = Set.of(iris.actor(actor.handle()).toString(), Changes.ACTORS);
            if (r == Representation.HTML) {
                return Rendered.of(200, MediaTypes.HTML, page.render(actor, content.recent(actor, null, RECENT)), topics);
            }
            List<StoredKey> published = keys.publishedKeys(actor.id());
            var group = actors.topicGroup(actor);
            var doc = group.isEmpty() ? toAs.municipality(actor, published)
                    : toAs.group(actor, published, actors.findById(group.get().coordinatorId()).orElseThrow(), group.get().field());
            return Rendered.json(200, MediaTypes.contentType(r), doc, topics).validUntil(firstToExpire(published));
        });
    }

    /** Whether a request for a municipality actor gets its HTML profile: browsers, and clients that name no type. */
    public static boolean servesPage(RoutingContext ctx) {
        return representation(ctx) == Representation.HTML;
    }

    private static Representation representation(RoutingContext ctx) {
        return MediaTypes.negotiate(ctx.request().getHeader("Accept"));
    }

    public void instance(RoutingContext ctx) {
        Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
        ctx.response().putHeader("Vary", "Accept");
        // Servers fetching the instance actor sometimes send no Accept at all: JSON unless a browser asks for HTML.
        String accept = ctx.request().getHeader("Accept");
        Representation shown = r == Representation.HTML && (accept == null || !accept.contains("text/html")) ? Representation.ACTIVITY_JSON : r;
        cache.respond(ctx, new Key("instance-actor", shown.name(), ""), () -> {
            LocalActor actor = actors.instanceActor();
            if (shown == Representation.HTML) return Rendered.of(200, MediaTypes.HTML, page.renderInstance(actor), Set.of(Changes.ACTORS));
            List<StoredKey> published = keys.publishedKeys(actor.id());
            return Rendered.json(200, MediaTypes.contentType(shown), toAs.instance(actor, published), Set.of(Changes.ACTORS))
                    .validUntil(firstToExpire(published));
        });
    }

    /** The relay actor (FEP-ae0c), on a node that runs a relay; 404 elsewhere. */
    public void relay(RoutingContext ctx) {
        Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
        Representation shown = r == Representation.HTML ? Representation.ACTIVITY_JSON : r; // no page: a relay is for servers
        cache.respond(ctx, new Key("relay-actor", shown.name(), ""), () -> {
            LocalActor actor = actors.relayActor().orElseThrow(() -> ApiException.notFound("this node runs no relay"));
            List<StoredKey> published = keys.publishedKeys(actor.id());
            return Rendered.json(200, MediaTypes.contentType(shown), toAs.relay(actor, published), Set.of(Changes.ACTORS))
                    .validUntil(firstToExpire(published));
        });
    }

    /** A retired key leaves the document when its grace period ends. */
    private static Optional<Instant> firstToExpire(List<StoredKey> published) {
        return published.stream().flatMap(k -> k.validUntil().stream()).min(Instant::compareTo);
    }
}
