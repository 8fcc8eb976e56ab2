package de.allmende.api.statistics;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.feed.CalendarHandler;
import de.allmende.api.feed.CalendarQuery;
import de.allmende.api.feed.CalendarQuery.BadFilter;
import de.allmende.api.web.CalendarTexts;
import de.allmende.api.web.StatisticsPage;
import de.allmende.api.web.StatisticsPage.ChartView;
import de.allmende.content.statistics.Chart;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.service.StatisticsService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics dashboard ({@code /statistics}): every chart as an SVG with its numbers as a table; and each chart on
 * its own as CSV and SVG ({@code ?chart=months}). Public and cacheable; an unknown chart or parameter is a 400.
 */
public final class StatisticsHandler {
    private static final int MAX_AGE_SECONDS = 300;
    private static final String CSV_TYPE = "text/csv; charset=utf-8; header=present";
    private static final String SVG_TYPE = "image/svg+xml; charset=utf-8";

    private final StatisticsService statistics;
    private final StatisticsPage page;
    private final CalendarTexts texts;

    public StatisticsHandler(StatisticsService statistics, StatisticsPage page, CalendarTexts texts) {
        this.statistics = statistics;
        this.texts = texts;
        this.page = page;
    }

    public void html(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept-Language");
        Optional<String> asked = CalendarHandler.askedLanguage(ctx.request().query());
        String lang = asked.orElseGet(() -> CalendarHandler.browserLanguage(ctx));
        Optional<Chart.Kind> only;
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
        List<Chart> charts = only.map(k -> List.of(statistics.chart(k))).orElseGet(statistics::all);
        Responses.cacheable(ctx, MediaTypes.HTML, page.render(lang, charts.stream().map(c -> view(c, lang)).toList(), links(lang, only),
                choices(lang, only), asked.orElse(null)), MAX_AGE_SECONDS);
    }

    public void csv(RoutingContext ctx) {
        Request r = dataRequest(ctx);
        Chart chart = statistics.chart(r.chart());
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("key", "label", "value").get())) {
            for (Chart.Bar b : chart.bars()) printer.printRecord(b.key(), ChartLabels.label(texts, r.lang(), chart.kind(), b), b.value());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringBuilder does not fail
        }
        Responses.cacheable(ctx, CSV_TYPE, out.toString(), MAX_AGE_SECONDS);
    }

    public void svg(RoutingContext ctx) {
        Request r = dataRequest(ctx);
        String svg = view(statistics.chart(r.chart()), r.lang()).svg();
        Responses.cacheable(ctx, SVG_TYPE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg, MAX_AGE_SECONDS);
    }

    private record Request(Chart.Kind chart, String lang) {}

    /** CSV and SVG have no page to show a mistake on: the 400 says it (English unless the query asks German). */
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

    private static Chart.Kind chart(String code) {
        return Chart.Kind.parse(code).orElseThrow(() -> new BadFilter("error.chart", code, allowed()));
    }

    private static String allowed() {
        return String.join(", ", Arrays.stream(Chart.Kind.values()).map(Chart.Kind::code).toList());
    }

    private ChartView view(Chart chart, String lang) {
        String id = "chart-" + chart.kind().code();
        String key = "chart." + chart.kind().code();
        List<BarChartSvg.Row> rows = chart.bars().stream()
                .map(b -> new BarChartSvg.Row(ChartLabels.label(texts, lang, chart.kind(), b), b.value())).toList();
        String title = texts.text(lang, key + ".title");
        String description = texts.text(lang, key + ".desc");
        String data = "?chart=" + chart.kind().code() + "&lang=" + lang;
        return new ChartView(id, title, description, texts.text(lang, key + ".column"), texts.text(lang, key + ".value"),
                BarChartSvg.render(id, title, description, rows),
                rows.stream().map(r -> new StatisticsPage.Row(r.label(), r.value())).toList(),
                Route.STATISTICS_CSV.path() + data, Route.STATISTICS_SVG.path() + data);
    }

    private List<StatisticsPage.Option> choices(String lang, Optional<Chart.Kind> only) {
        return Arrays.stream(Chart.Kind.values()).map(k -> new StatisticsPage.Option(k.code(),
                texts.text(lang, "chart." + k.code() + ".title"), only.equals(Optional.of(k)))).toList();
    }

    private static StatisticsPage.Links links(String lang, Optional<Chart.Kind> only) {
        String other = lang.equals("de") ? "en" : "de";
        String chart = only.map(k -> "&chart=" + k.code()).orElse("");
        return new StatisticsPage.Links(Route.STATISTICS.path() + "?lang=" + other + chart, Route.STATISTICS.path());
    }
}
