package de.allmende.api.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.feed.CalendarHandler;
import de.allmende.api.feed.CalendarQuery;
import de.allmende.api.feed.CalendarQuery.BadFilter;
import de.allmende.api.web.CalendarTexts;
import de.allmende.api.web.DirectoryPage;
import de.allmende.content.directory.DirectoryEntry;
import de.allmende.content.directory.DirectoryFilter;
import de.allmende.route.Route;
import de.allmende.service.DirectoryService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The directory's three renderings of one filter: the page ({@code /directory}), JSON and CSV. Public and cacheable;
 * a filter that names nothing valid is a 400 that says what was expected — on the page, the page with its form.
 */
public final class DirectoryHandler {
    private static final int MAX_AGE_SECONDS = 300;

    private final DirectoryService directory;
    private final DirectoryPage page;
    private final CalendarTexts texts;
    private final URI base;

    public DirectoryHandler(DirectoryService directory, DirectoryPage page, CalendarTexts texts, URI base) {
        this.directory = directory;
        this.page = page;
        this.texts = texts;
        this.base = base;
    }

    public void html(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept-Language");
        Optional<String> asked = CalendarHandler.askedLanguage(ctx.request().query());
        String lang = asked.orElseGet(() -> CalendarHandler.browserLanguage(ctx));
        DirectoryQuery q;
        try {
            q = DirectoryQuery.parse(ctx.request().query());
        } catch (BadFilter bad) {
            ctx.response().putHeader("Cache-Control", "no-store");
            Responses.html(ctx, 400, page.renderError(lang, texts.text(lang, bad.key(), bad.args()),
                    links(new DirectoryQuery(DirectoryFilter.ANY, asked), lang), asked.orElse(null)));
            return;
        }
        Responses.cacheable(ctx, MediaTypes.HTML, page.render(lang, q.filter(), directory.entries(q.filter()), links(q, lang),
                q.lang().orElse(null)), MAX_AGE_SECONDS);
    }

    public void json(RoutingContext ctx) {
        DirectoryQuery q = dataQuery(ctx);
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("id", url(Route.DIRECTORY_JSON, q).toString());
        ArrayNode items = doc.putArray("municipalities");
        List<DirectoryEntry> entries = directory.entries(q.filter());
        entries.forEach(e -> items.add(DirectoryRecords.json(e)));
        doc.put("totalItems", entries.size());
        Responses.cacheable(ctx, MediaTypes.JSON, doc.toString(), MAX_AGE_SECONDS);
    }

    public void csv(RoutingContext ctx) {
        DirectoryQuery q = dataQuery(ctx);
        Responses.cacheable(ctx, DirectoryRecords.CSV_TYPE, DirectoryRecords.csv(directory.entries(q.filter())), MAX_AGE_SECONDS);
    }

    /** JSON and CSV have no form to show a mistake in: the 400's message says it (English unless the query asks German). */
    private DirectoryQuery dataQuery(RoutingContext ctx) {
        try {
            return DirectoryQuery.parse(ctx.request().query());
        } catch (BadFilter bad) {
            String lang = CalendarHandler.askedLanguage(ctx.request().query()).orElse("en");
            throw ApiException.badRequest(texts.text(lang, bad.key(), bad.args()));
        }
    }

    private DirectoryPage.Links links(DirectoryQuery q, String lang) {
        String other = lang.equals("de") ? "en" : "de";
        String path = Route.DIRECTORY.path();
        DirectoryQuery data = q.inLanguage(Optional.empty()); // the data speaks no language
        return new DirectoryPage.Links(url(Route.DIRECTORY_JSON, data).toString(), url(Route.DIRECTORY_CSV, data).toString(),
                path + q.inLanguage(Optional.of(other)).query(), path + new DirectoryQuery(DirectoryFilter.ANY, q.lang()).query(), path);
    }

    private URI url(Route route, DirectoryQuery q) {
        return URI.create(base.resolve(route.path()) + q.query());
    }
}
