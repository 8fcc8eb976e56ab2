package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.ClientFilter;
import de.allmende.domain.client.Viewer;
import de.allmende.service.client.Filters;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * Filters v1 for older apps, mapped onto v2 as Mastodon maps them: a v1 filter is one keyword (its id is the
 * keyword's); creating one makes a v2 filter titled by the phrase with that one keyword; {@code irreversible} is the
 * action {@code hide}; changing the filter's settings through a keyword of a filter with several keywords is refused.
 */
final class FiltersV1Handler {
    private final Filters filters;
    private final Viewers viewers;

    FiltersV1Handler(Filters filters, Viewers viewers) {
        this.filters = filters;
        this.viewers = viewers;
    }

    void all(RoutingContext ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ClientFilter f : filters.all(viewers.of(ctx))) f.keywords().forEach(k -> out.add(FilterJson.v1(f, k)));
        Responses.json(ctx, 200, MediaTypes.JSON, out);
    }

    void get(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        ClientFilter.Keyword k = filters.keyword(v, Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.v1(filters.get(v, k.filterId()), k));
    }

    void create(RoutingContext ctx) {
        BodyParams p = BodyParams.of(ctx);
        Optional<String> phrase = p.string("phrase");
        Filters.Input in = new Filters.Input(phrase, Optional.of(p.strings("context")), Optional.of(action(p)), FiltersHandler.expiresIn(p),
                List.of(new Filters.KeywordInput(Optional.empty(), Optional.of(phrase.orElse("")), p.bool("whole_word"), false)));
        ClientFilter f = filters.create(viewers.of(ctx), in);
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.v1(f, f.keywords().getFirst()));
    }

    void update(RoutingContext ctx) {
        Viewer v = viewers.of(ctx);
        ClientFilter.Keyword k = filters.keyword(v, Viewers.id(ctx));
        BodyParams p = BodyParams.of(ctx);
        Optional<List<String>> context = p.has("context") ? Optional.of(p.strings("context")) : Optional.empty();
        Optional<String> action = p.has("irreversible") ? Optional.of(action(p)) : Optional.empty();
        ClientFilter f = filters.updateV1(v, k, new Filters.Input(Optional.empty(), context, action, FiltersHandler.expiresIn(p),
                List.of(new Filters.KeywordInput(Optional.of(k.id()), p.string("phrase"), p.bool("whole_word"), false))));
        ClientFilter.Keyword changed = f.keywords().stream().filter(x -> x.id() == k.id()).findFirst().orElseThrow();
        Responses.json(ctx, 200, MediaTypes.JSON, FilterJson.v1(f, changed));
    }

    void delete(RoutingContext ctx) {
        filters.deleteKeyword(viewers.of(ctx), Viewers.id(ctx));
        Responses.json(ctx, 200, MediaTypes.JSON, JsonNodeFactory.instance.objectNode());
    }

    private static String action(BodyParams p) {
        return p.bool("irreversible").orElse(false) ? "hide" : "warn";
    }
}
