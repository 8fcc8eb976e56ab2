package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.AccessGrant;
import de.allmende.service.CurationService;
import de.allmende.service.people.AuditTrail;
import de.allmende.store.CurationStore.FeaturedItem;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/allmende/v1/featured}: what the token's coordinator recommends (issue 11, point 9) — list, feature
 * ({@code {"object": IRI}}), unfeature ({@code ?object=IRI}). The use case is {@link CurationService}'s, the same the
 * CLI's {@code coordinator feature} runs; a municipality's token gets its 403.
 */
public final class FeaturedHandler {
    private static final String OBJECT = "object";

    private final CurationService curation;
    private final AuditTrail audit;

    FeaturedHandler(CurationService curation, AuditTrail audit) {
        this.curation = curation;
        this.audit = audit;
    }

    public void list(RoutingContext ctx) {
        ObjectNode body = Responses.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        curation.featuredItems(StaffAuth.grant(ctx).actor()).forEach(i -> items.add(toJson(i)));
        Responses.json(ctx, 200, MediaTypes.JSON, body);
    }

    /** 201 when newly featured, 200 when it was already (featuring again sends nothing); no Location: it has no page here. */
    public void feature(RoutingContext ctx) {
        AccessGrant grant = StaffAuth.grant(ctx);
        String object = objectOf(StaffJsonBody.read(ctx));
        CurationService.Featured f = curation.feature(grant.actor(), object);
        if (!f.already()) audit.record(grant, AuditTrail.Action.CREATE, "featured", f.object().toString());
        Responses.json(ctx, f.already() ? 200 : 201, MediaTypes.JSON, toJson(curation.featuredItem(grant.actor(), f.object())));
    }

    public void unfeature(RoutingContext ctx) {
        AccessGrant grant = StaffAuth.grant(ctx);
        List<String> objects = ctx.queryParams().getAll(OBJECT);
        if (objects.size() != 1) throw ApiException.ofField(400, "name the item to unfeature", OBJECT, "give ?object=IRI exactly once");
        curation.unfeature(grant.actor(), objects.getFirst());
        audit.record(grant, AuditTrail.Action.DELETE, "featured", objects.getFirst().strip());
        ctx.response().setStatusCode(204).end();
    }

    private static String objectOf(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.badRequest("send a JSON object: {\"object\": \"https://…\"}");
        JsonNode object = body.get(OBJECT);
        if (object == null || !object.isTextual() || object.asText().isBlank()) {
            throw ApiException.ofField(400, "the item to feature is missing", OBJECT, "the item's IRI, a string");
        }
        if (body.size() != 1) throw ApiException.ofField(400, "unknown fields", "body", "only \"object\" is read here");
        return object.asText();
    }

    /** Schema {@code FeaturedItem}: the IRI always; what search shows of it where the node has indexed it, else null. */
    private static ObjectNode toJson(FeaturedItem i) {
        ObjectNode o = Responses.JSON.createObjectNode().put(OBJECT, i.object().toString());
        o.put("title", i.title().orElse(null));
        o.put("kind", i.kind().orElse(null));
        o.put("municipality", i.municipality().orElse(null));
        o.put("municipalityName", i.municipalityName().orElse(null));
        o.put("url", i.url().map(URI::toString).orElse(null));
        return o;
    }
}
