package de.allmende.api.search;

import de.allmende.api.Responses;
import de.allmende.domain.search.SearchQuery;
import de.allmende.federation.iri.Iris;
import de.allmende.route.MediaType;
import de.allmende.route.Route;
import de.allmende.service.search.SearchExport;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.time.Clock;

/**
 * Exports (issue 11, point 6), for anyone, public posts only: a search as CSV ({@code /api/allmende/v1/search.csv}) or
 * JSON-LD ({@code …/search.jsonld}) with the search API's parameters ({@link SearchParams#parseExport}: without
 * {@code limit} up to {@value SearchParams#MAX_EXPORT} rows; the header {@code X-Truncated: true} says there are more),
 * and the node's catalogue in DCAT-AP.de ({@code /catalog.ttl}).
 */
public final class ExportHandlers {
    private final SearchExport export;
    private final Iris iris;
    private final String nodeName;
    private final Clock clock;
    private final DcatCatalog catalog = new DcatCatalog();

    public ExportHandlers(SearchExport export, Iris iris, String nodeName, Clock clock) {
        this.export = export;
        this.iris = iris;
        this.nodeName = nodeName;
        this.clock = clock;
    }

    public void csv(RoutingContext ctx) {
        SearchExport.Items r = export.items(SearchParams.parseExport(ctx.queryParams()));
        send(ctx, r, MediaType.CSV + "; charset=utf-8; header=present", SearchCsv.write(r.items()), "csv");
    }

    public void jsonLd(RoutingContext ctx) {
        SearchQuery q = SearchParams.parseExport(ctx.queryParams());
        SearchExport.Items r = export.items(q);
        String query = ctx.request().query();
        URI self = URI.create(iris.base() + Route.SEARCH_JSONLD.path() + (query == null ? "" : "?" + query));
        String title = "Suche auf " + nodeName + (q.words().isEmpty() ? "" : ": " + q.words());
        send(ctx, r, MediaType.LD_JSON + "; charset=utf-8",
                SearchJsonLd.write(self, title, r.items(), r.truncated(), clock.instant()).toString(), "jsonld");
    }

    public void catalog(RoutingContext ctx) {
        String turtle = catalog.write(iris.base(), nodeName, iris.of(Route.INSTANCE_ACTOR), export.publishers(), export::author, clock.instant());
        Responses.cacheable(ctx, MediaType.TURTLE + "; charset=utf-8", turtle, 300);
    }

    private static void send(RoutingContext ctx, SearchExport.Items r, String contentType, String body, String extension) {
        Responses.allowAnyOrigin(ctx);
        ctx.response().setStatusCode(200).putHeader("Content-Type", contentType)
                .putHeader("Content-Disposition", "attachment; filename=\"suche." + extension + "\"")
                .putHeader("X-Truncated", Boolean.toString(r.truncated())).end(body);
    }
}
