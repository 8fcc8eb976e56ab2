package de.allmende.api.activitypub;

import de.allmende.api.DocumentCache;
import de.allmende.api.DocumentCache.Key;
import de.allmende.api.DocumentCache.Rendered;
import de.allmende.api.MediaTypes;
import de.allmende.api.MediaTypes.Representation;
import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.api.web.ObjectPages;
import de.allmende.db.Changes;
import de.allmende.db.Database;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ServedDocuments;
import de.allmende.federation.json.Contexts;
import de.allmende.route.Param;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.Set;

/**
 * Local objects and activities by IRI. Objects are negotiated: browsers get the HTML page,
 * ActivityPub clients (and {@code ?format=json}) the stored JSON-LD. Deleted objects answer 410
 * in both: the Tombstone, or a short notice. Objects are kept rendered in the {@link DocumentCache}:
 * the JSON shows the object; the page also its author (name, and the titles of the author's other
 * content it links to).
 */
public final class ObjectHandler {
    private final Database db;
    private final Iris iris;
    private final ObjectPages pages;
    private final DocumentCache cache;
    private final ObjectStore objects = new ObjectStore();
    private final ActivityStore activities = new ActivityStore();

    public ObjectHandler(Database db, Iris iris, ObjectPages pages, DocumentCache cache) {
        this.db = db;
        this.iris = iris;
        this.pages = pages;
        this.cache = cache;
    }

    public void object(RoutingContext ctx) {
        String id = PathParams.localId(ctx, "no such object");
        boolean html = wantsHtml(ctx);
        String type = html ? MediaTypes.HTML : jsonType(ctx);
        ctx.response().putHeader("Vary", "Accept");
        cache.respond(ctx, new Key("object", type, id), () -> {
            URI iri = iris.object(id);
            var stored = objects.find(db.dsl(), iri.toString())
                    .filter(o -> o.localActorId().isPresent()).orElseThrow(() -> ApiException.notFound("no such object"));
            // A followers-only or direct note is for whom it is addressed, not for whoever knows its IRI (as on Mastodon).
            if (stored.deleted().isEmpty() && !ServedDocuments.isForEveryone(stored.raw())) throw ApiException.notFound("no such object");
            int status = stored.deleted().isPresent() ? 410 : 200;
            if (html) {
                return Rendered.of(status, type, pages.render(iri, stored, ServedDocuments.text(stored.raw())), Set.of(iri.toString(), stored.attributedTo(), Changes.ACTORS));
            }
            return Rendered.json(status, type, ServedDocuments.standalone(stored.raw()), Set.of(iri.toString()));
        });
    }

    /**
     * HTML for browsers, unless the visible "JSON-LD" link ({@code ?format=json}) asked for the
     * document. Without an Accept header the client is taken for a server (as for the instance actor).
     */
    public static boolean wantsHtml(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && !accept.isBlank() && !Param.FORMAT.accepts(ctx.request().getParam(Param.FORMAT.name()))
                && MediaTypes.negotiate(accept) == Representation.HTML;
    }

    public void activity(RoutingContext ctx) {
        var stored = activities.find(db.dsl(), iris.activity(PathParams.localId(ctx, "no such activity")).toString())
                .orElseThrow(() -> ApiException.notFound("no such activity"));
        if (!ServedDocuments.isPublicActivity(stored.raw())) throw ApiException.notFound("no such activity");
        // A Create or Update embeds the object: once it is deleted, its words must not stay readable here.
        boolean objectDeleted = ServedDocuments.carriedObject(stored.raw()).flatMap(id -> objects.find(db.dsl(), id))
                .flatMap(ObjectStore.StoredObject::deleted).isPresent();
        if (objectDeleted) throw ApiException.gone("the object was deleted");
        Responses.json(ctx, 200, jsonType(ctx), stored.raw());
    }

    static String jsonType(RoutingContext ctx) {
        Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
        return MediaTypes.contentType(r == Representation.HTML ? Representation.ACTIVITY_JSON : r);
    }
}
