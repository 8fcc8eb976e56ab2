package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.ClientFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.Filters;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Filters v2 (docs.joinmastodon.org/methods/filters): filters with {@code keywords_attributes[]} (add, change by
 * {@code id}, remove by {@code _destroy}), and their keywords and statuses as sub-resources.
 */
final class FiltersHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Filters filters;
    private final Viewers viewers;

    FiltersHandler(Filters filters, Viewers viewers) {
        this.filters = filters;
        this.viewers = viewers;
    }

    void all(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.filters(filters.all(viewers.of(ctx))));
    }

    void get(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.filter(filters.get(viewers.of(ctx), Viewers.id(ctx))));
    }

    void create(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.filter(filters.create(viewers.of(ctx), input(BodyParams.of(ctx)))));
    }

    void update(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.filter(filters.update(v, id, input(BodyParams.of(ctx)))));
    }

    void delete(RoutingContext ctx) {
        filters.delete(viewers.of(ctx), Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    void keywords(RoutingContext ctx) {
        ArrayNode out = F.arrayNode();
        filters.get(viewers.of(ctx), Viewers.id(ctx)).keywords().forEach(k -> out.add(FilterJson.keyword(k)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    void addKeyword(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        filters.get(v, id); // another municipality's filter is 404 before its body is judged
        BodyParams p = BodyParams.of(ctx);
        ClientFilter.Keyword k = filters.addKeyword(v, id, p.string("keyword").orElse(""), p.bool("whole_word").orElse(true));
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.keyword(k));
    }

    void keyword(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.keyword(filters.keyword(viewers.of(ctx), Viewers.id(ctx))));
    }

    void updateKeyword(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        BodyParams p = BodyParams.of(ctx);
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.keyword(filters.updateKeyword(v, id, p.string("keyword"), p.bool("whole_word"))));
    }

    void deleteKeyword(RoutingContext ctx) {
        filters.deleteKeyword(viewers.of(ctx), Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    void statuses(RoutingContext ctx) {
        ArrayNode out = F.arrayNode();
        filters.get(viewers.of(ctx), Viewers.id(ctx)).statuses().forEach(s -> out.add(FilterJson.status(s)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    void addStatus(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        long id = Viewers.id(ctx);
        filters.get(v, id);
        String statusId = BodyParams.of(ctx).string("status_id").orElse("");
        if (!statusId.matches("[0-9]{1,18}")) throw ApiException.notFound("Record not found");
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.status(filters.addStatus(v, id, Long.parseLong(statusId))));
    }

    void status(RoutingContext ctx) {
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.status(filters.status(viewers.of(ctx), Viewers.id(ctx))));
    }

    void deleteStatus(RoutingContext ctx) {
        filters.deleteStatus(viewers.of(ctx), Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, F.objectNode());
    }

    private static Filters.Input input(BodyParams p) {
        List<Filters.KeywordInput> keywords = p.objects("keywords_attributes").stream().map(k -> new Filters.KeywordInput(
                k.string("id").filter(s -> s.matches("[0-9]{1,18}")).map(Long::parseLong), k.string("keyword"), k.bool("whole_word"),
                k.bool("_destroy").orElse(false))).toList();
        Optional<List<String>> context = p.has("context") ? Optional.of(p.strings("context")) : Optional.empty();
        return new Filters.Input(p.string("title"), context, p.string("filter_action"), expiresIn(p), keywords);
    }

    /**
     * {@code expires_in} in seconds: absent keeps the expiry, empty clears it (never expires), a number sets it from
     * now. Anything else is a 422.
     */
    static Optional<Optional<Instant>> expiresIn(BodyParams p) {
        if (!p.has("expires_in")) return Optional.empty();
        String raw = p.string("expires_in").orElse("").strip();
        if (raw.isEmpty() || raw.equals("null")) return Optional.of(Optional.empty());
        if (!raw.matches("[0-9]{1,10}")) throw ApiException.unprocessable("Validation failed: Expires in is not a number");
        return Optional.of(Optional.of(Instant.now().plusSeconds(Long.parseLong(raw))));
    }
}
