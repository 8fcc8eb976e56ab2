package de.allmende.api.statistics;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.feed.CalendarHandler;
import de.allmende.api.feed.CalendarQuery;
import de.allmende.api.feed.CalendarQuery.BadFilter;
import de.allmende.api.web.CalendarTexts;
import de.allmende.api.web.StatisticsPage;
import de.allmende.content.statistics.Figure;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.service.StatisticsService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics dashboard ({@code /statistics}): every figure as an SVG with its numbers as a table; and each figure
 * on its own as CSV, SVG and PNG ({@code ?chart=months}). Public and cacheable; an unknown chart or parameter is a 400.
 */
public final class StatisticsHandler {
    private static final int MAX_AGE_SECONDS = 300;
    private static final String CSV_TYPE = "text/csv; charset=utf-8; header=present";
    private static final String SVG_TYPE = "image/svg+xml; charset=utf-8";

    private final StatisticsService statistics;
    private final StatisticsPage page;
    private final CalendarTexts texts;
    private final FigureViews views;

    public StatisticsHandler(StatisticsService statistics, StatisticsPage page, CalendarTexts texts) {
        this.statistics = statistics;
        this.texts = texts;
        this.page = page;
        this.views = new FigureViews(texts);
    }

    public void html(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept-Language");
        Optional<String> asked = CalendarHandler.askedLanguage(ctx.request().query());
        String lang = asked.orElseGet(() -> CalendarHandler.browserLanguage(ctx));
        Optional<Figure.Kind> only;
        try {
            Map<Param, List<String>> values = CalendarQuery.split(ctx.request().query(), List.of(Param.CHART, Param.LANG));
            language(values);
            only = CalendarQuery.single(values, Param.CHART).filter(v -> !v.isEmpty()).map(StatisticsHandler::chart);
        } catch (BadFilter bad) {
            ctx.response().putHeader("Cache-Control", "no-store");
            Responses.html(ctx, 400, page.renderError(lang, texts.text(lang, bad.key(), bad.args()), links(lang, Optional.empty()),
                    choices(lang, Optional.empty()), asked.orElse(null)));
            return;
        }
        List<Figure> figures = only.map(k -> List.of(statistics.figure(k))).orElseGet(statistics::all);
        Responses.cacheable(ctx, MediaTypes.HTML, page.render(lang, figures.stream().map(f -> views.view(f, lang)).toList(), links(lang, only),
                choices(lang, only), asked.orElse(null)), MAX_AGE_SECONDS);
    }

    public void csv(RoutingContext ctx) {
        Request r = dataRequest(ctx);
        Responses.cacheable(ctx, CSV_TYPE, FigureCsv.csv(statistics.figure(r.chart()), texts, r.lang()), MAX_AGE_SECONDS);
    }

    public void svg(RoutingContext ctx) {
        Request r = dataRequest(ctx);
        String svg = views.view(statistics.figure(r.chart()), r.lang()).svg();
        Responses.cacheable(ctx, SVG_TYPE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg, MAX_AGE_SECONDS);
    }

    public void png(RoutingContext ctx) {
        Request r = dataRequest(ctx);
        Responses.cacheable(ctx, de.allmende.route.MediaType.PNG, SvgToPng.png(views.view(statistics.figure(r.chart()), r.lang()).svg()),
                MAX_AGE_SECONDS);
    }

    private record Request(Figure.Kind chart, String lang) {}

    /** CSV, SVG and PNG have no page to show a mistake on: the 400 says it (English unless the query asks German). */
    private Request dataRequest(RoutingContext ctx) {
        String lang = CalendarHandler.askedLanguage(ctx.request().query()).orElse("en");
        try {
            Map<Param, List<String>> values = CalendarQuery.split(ctx.request().query(), List.of(Param.CHART, Param.LANG));
            language(values);
            return new Request(chart(CalendarQuery.single(values, Param.CHART).orElse("")), lang);
        } catch (BadFilter bad) {
            throw ApiException.badRequest(texts.text(lang, bad.key(), bad.args()));
        }
    }

    private static Optional<String> language(Map<Param, List<String>> values) {
        return CalendarQuery.single(values, Param.LANG).map(v -> {
            if (!Param.LANG.accepts(v)) throw new BadFilter("error.lang", v);
            return v;
        });
    }

    private static Figure.Kind chart(String code) {
        return Figure.Kind.parse(code).orElseThrow(() -> new BadFilter("error.chart", code, allowed()));
    }

    private static String allowed() {
        return String.join(", ", Arrays.stream(Figure.Kind.values()).map(Figure.Kind::code).toList());
    }

    private List<StatisticsPage.Option> choices(String lang, Optional<Figure.Kind> only) {
        return Arrays.stream(Figure.Kind.values()).map(k -> new StatisticsPage.Option(k.code(),
                texts.text(lang, "chart." + k.code() + ".title"), only.equals(Optional.of(k)))).toList();
    }

    private static StatisticsPage.Links links(String lang, Optional<Figure.Kind> only) {
        String other = lang.equals("de") ? "en" : "de";
        String chart = only.map(k -> "&chart=" + k.code()).orElse("");
        return new StatisticsPage.Links(Route.STATISTICS.path() + "?lang=" + other + chart, Route.STATISTICS.path());
    }
}
