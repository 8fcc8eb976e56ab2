package de.allmende.api.activitypub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.MediaTypes.Representation;
import de.allmende.api.Responses;
import de.allmende.federation.json.Contexts;
import de.allmende.service.ActorService;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.function.Function;

/**
 * The actor collections Mastodon reads totalItems from. Until the federation core fills them they are
 * empty OrderedCollections in Mastodon's shape.
 */
public final class CollectionHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ActorService actors;

    public CollectionHandler(ActorService actors) {
        this.actors = actors;
    }

    /** @param iriOf builds the collection IRI from the actor handle (see {@code Iris}) */
    public Handler<RoutingContext> empty(Function<String, URI> iriOf) {
        return ctx -> {
            String handle = ctx.pathParam("handle");
            actors.findMunicipality(handle).orElseThrow(() -> ApiException.notFound("no such actor"));
            ObjectNode doc = F.objectNode();
            doc.put("@context", Contexts.ACTIVITYSTREAMS);
            doc.put("id", iriOf.apply(handle).toString());
            doc.put("type", "OrderedCollection");
            doc.put("totalItems", 0);
            doc.putArray("orderedItems");
            Representation r = MediaTypes.negotiate(ctx.request().getHeader("Accept"));
            Responses.json(ctx, 200, MediaTypes.contentType(r == Representation.HTML ? Representation.ACTIVITY_JSON : r), doc);
        };
    }
}
