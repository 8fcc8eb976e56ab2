package de.allmende.api.staff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.content.Content;
import de.allmende.content.ContentJson;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.route.Route;
import de.allmende.service.ContentService;
import de.allmende.service.people.AuditTrail;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/**
 * {@code /api/allmende/v1/{projects|updates|events|lessons|aids}}: list (filters, cursor paging),
 * create, read, replace and delete a municipality's content. Validation is ContentService's; a
 * rejected input is a 422 naming each field.
 */
public final class ContentHandler {
    private final ContentService content;
    private final Iris iris;
    private final AuditTrail audit;

    ContentHandler(ContentService content, Iris iris, AuditTrail audit) {
        this.content = content;
        this.iris = iris;
        this.audit = audit;
    }

    public void list(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        ContentQuery q = ContentQuery.parse(kind, ctx.queryParams(), iris);
        ContentService.Page page = content.list(actor(ctx), kind, q.filter(), q.cursor(), q.limit());
        ObjectNode body = Responses.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(c -> items.add(ContentJson.write(c)));
        body.put("next", page.next().orElse(null));
        page.next().ifPresent(next -> ctx.response().putHeader("Link",
                "<" + iris.base() + Route.STAFF_CONTENT_LIST.path(kind.plural()) + "?" + q.withCursor(next) + ">; rel=\"next\""));
        Responses.json(ctx, 200, MediaTypes.JSON, body);
    }

    public void create(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        Content c = content.create(actor(ctx), kind, StaffJsonBody.read(ctx));
        audit.record(StaffAuth.grant(ctx), AuditTrail.Action.CREATE, kind.code(), c.id().orElseThrow().toString());
        ctx.response().putHeader("Location", Route.STAFF_CONTENT.path(kind.plural(), c.id().orElseThrow().toString()));
        Responses.json(ctx, 201, MediaTypes.JSON, ContentJson.write(c));
    }

    public void get(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, ContentJson.write(content.get(actor(ctx), kind, id(ctx, kind))));
    }

    public void replace(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        UUID id = id(ctx, kind);
        Content c = content.update(actor(ctx), kind, id, StaffJsonBody.read(ctx));
        audit.record(StaffAuth.grant(ctx), AuditTrail.Action.UPDATE, kind.code(), id.toString());
        Responses.json(ctx, 200, MediaTypes.JSON, ContentJson.write(c));
    }

    public void delete(RoutingContext ctx) {
        ContentKind kind = kind(ctx);
        UUID id = id(ctx, kind);
        content.delete(actor(ctx), kind, id);
        audit.record(StaffAuth.grant(ctx), AuditTrail.Action.DELETE, kind.code(), id.toString());
        ctx.response().setStatusCode(204).end();
    }

    private static LocalActor actor(RoutingContext ctx) {
        return StaffAuth.grant(ctx).actor();
    }

    /** The kind a route was written out for (the router's paths name each kind). */
    private static ContentKind kind(RoutingContext ctx) {
        return PathParams.kind(ctx, "no such kind of content");
    }

    private static UUID id(RoutingContext ctx, ContentKind kind) {
        return PathParams.uuid(ctx, "no such " + kind.code());
    }
}
