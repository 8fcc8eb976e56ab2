package de.allmende.api.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.web.SearchFacets;
import de.allmende.api.web.SearchPage;
import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchResults;
import de.allmende.domain.search.SearchResults.FacetCount;
import de.allmende.domain.search.SearchResults.Hit;
import de.allmende.route.Route;
import de.allmende.service.search.NodeSearch;
import de.allmende.support.ApiException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Search over what the node holds, for anyone: {@code GET /api/allmende/v1/search} (JSON: hits with marked
 * snippets, facet counts) and the page {@code GET /search}. Public posts only; the parameters are {@link SearchParams}.
 */
public final class SearchHandlers {
    private final NodeSearch search;
    private final SearchPage page;

    public SearchHandlers(NodeSearch search, SearchPage page) {
        this.search = search;
        this.page = page;
    }

    public void json(RoutingContext ctx) {
        SearchQuery q = SearchParams.parse(ctx.queryParams());
        SearchResults r = search.search(q);
        Responses.allowAnyOrigin(ctx); // public data: a portal's page may show it
        Responses.json(ctx, 200, MediaTypes.JSON, body(q, r, names(r)));
    }

    /** The API's answer: the query, the total (and whether it is a lower bound), the hits, the facets with labels and counts. */
    static ObjectNode body(SearchQuery q, SearchResults r, Map<String, String> names) {
        ObjectNode out = Responses.JSON.createObjectNode();
        out.put("q", q.words());
        out.put("order", q.order().name().toLowerCase(java.util.Locale.ROOT));
        out.put("limit", q.limit());
        out.put("offset", q.offset());
        out.put("total", r.total());
        out.put("totalIsLowerBound", r.totalIsLowerBound()); // true: more match than were counted, the facets' counts too
        ArrayNode hits = out.putArray("hits");
        for (Hit h : r.hits()) hits.add(hit(h));
        ObjectNode facets = out.putObject("facets");
        for (String name : SearchFacets.ORDER) {
            ArrayNode values = facets.putArray(name);
            for (FacetCount c : r.facets().getOrDefault(name, List.of())) {
                values.addObject().put("value", c.value()).put("label", SearchFacets.label(name, c.value(), true, names)).put("count", c.count());
            }
        }
        return out;
    }

    public void page(RoutingContext ctx) {
        String lang = de.allmende.api.login.PageLanguage.of(ctx);
        MultiMap p = ctx.queryParams();
        SearchQuery q;
        Optional<String> message = Optional.empty();
        int status = 200;
        try {
            q = SearchParams.parse(p);
        } catch (ApiException e) {
            if (e.status() != 400) throw e;
            q = SearchParams.parse(MultiMap.caseInsensitiveMultiMap()); // the form, empty, with what was wrong
            message = Optional.of(e.getMessage());
            status = 400;
        }
        SearchResults r = status == 200 ? search.search(q) : new SearchResults(0, List.of(), Map.of());
        Map<String, String> selected = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (String name : SearchParams.NAMES) {
            String v = p.get(name);
            if (v == null || v.isBlank() || name.equals("offset")) continue;
            selected.put(name, v);
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        String base = Route.SEARCH_PAGE.path();
        String withLang = base + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang;
        String json = Route.SEARCH_API.path() + (query.isEmpty() ? "" : "?" + query);
        Responses.html(ctx, status, page.render(lang, q, r, names(r), selected, base, withLang, json, message));
    }

    private static ObjectNode hit(Hit h) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("id", Long.toString(h.postId()));
        o.put("uri", h.iri().toString());
        o.put("url", h.url().toString());
        o.put("kind", h.kind().code());
        o.put("language", h.language());
        o.put("title", h.title());
        o.put("titleHtml", SearchFacets.html(h.highlightedTitle()));
        o.put("snippet", SearchFacets.plain(h.snippet()));
        o.put("snippetHtml", SearchFacets.html(h.snippet()));
        ArrayNode fields = o.putArray("fields");
        h.fields().forEach(fields::add);
        o.putObject("municipality").put("acct", h.municipality()).put("name", h.municipalityName());
        o.put("published", h.published().toString());
        o.put("score", h.rank());
        o.put("empfohlen", h.recommended());
        return o;
    }

    /** The names of the municipalities the facet counts (they may be on no hit of this page). */
    private Map<String, String> names(SearchResults r) {
        List<String> accts = r.facets().getOrDefault("municipality", List.of()).stream().map(FacetCount::value).toList();
        return accts.isEmpty() ? Map.of() : search.municipalityNames(accts);
    }
}
