package de.allmende.api.statistics;

import de.allmende.api.web.CalendarTexts;
import de.allmende.api.web.StatisticsPage.ChartView;
import de.allmende.api.web.StatisticsPage.Row;
import de.allmende.content.statistics.Chart;
import de.allmende.content.statistics.Figure;
import de.allmende.content.statistics.NetworkGraph;
import de.allmende.content.statistics.StackedChart;
import de.allmende.route.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure for people in German or English: its SVG and the same numbers as a table with headed rows and columns,
 * and where its exports are. The SVG and PNG exports draw the same SVG.
 */
final class FigureViews {
    private final CalendarTexts texts;

    FigureViews(CalendarTexts texts) {
        this.texts = texts;
    }

    ChartView view(Figure figure, String lang) {
        String code = figure.kind().code();
        String id = "chart-" + code;
        String key = "chart." + code;
        String title = texts.text(lang, key + ".title");
        String description = texts.text(lang, key + ".desc");
        String data = "?chart=" + code + "&lang=" + lang;
        Table table = switch (figure) {
            case Chart c -> bars(c, lang, id, title, description, key);
            case StackedChart c -> stacked(c, lang, id, title, description, key);
            case NetworkGraph g -> network(g, lang, id, title, key, description);
        };
        return new ChartView(id, title, table.description(), table.columns(), table.svg(), table.rows(), Route.STATISTICS_CSV.path() + data,
                Route.STATISTICS_SVG.path() + data, Route.STATISTICS_PNG.path() + data);
    }

    /** The table, the SVG, and the description as the figure tells it (the graph adds what it left out). */
    private record Table(List<String> columns, List<Row> rows, String svg, String description) {}

    private Table bars(Chart c, String lang, String id, String title, String description, String key) {
        List<BarChartSvg.Row> rows = c.bars().stream()
                .map(b -> new BarChartSvg.Row(ChartLabels.row(texts, lang, c.kind(), b.key(), b.label()), b.value())).toList();
        String column = texts.text(lang, key + ".column"), value = texts.text(lang, key + ".value");
        return new Table(List.of(column, value), rows.stream().map(r -> new Row(r.label(), List.of(Long.toString(r.value())))).toList(),
                BarChartSvg.render(id, title, description, column, value, rows), description);
    }

    private Table stacked(StackedChart c, String lang, String id, String title, String description, String key) {
        List<String> series = c.series().stream().map(s -> ChartLabels.series(texts, lang, c.kind(), s)).toList();
        List<StackedBarChartSvg.Row> rows = c.rows().stream()
                .map(r -> new StackedBarChartSvg.Row(ChartLabels.row(texts, lang, c.kind(), r.key(), r.label()), r.values())).toList();
        String column = texts.text(lang, key + ".column"), value = texts.text(lang, key + ".value");
        List<String> columns = new ArrayList<>();
        columns.add(column);
        columns.addAll(series);
        columns.add(texts.text(lang, "total"));
        return new Table(columns, rows.stream().map(r -> {
            List<String> cells = new ArrayList<>(r.values().stream().map(String::valueOf).toList());
            cells.add(Long.toString(r.total()));
            return new Row(r.label(), cells);
        }).toList(), StackedBarChartSvg.render(id, title, description, column, value, series, rows), description);
    }

    private Table network(NetworkGraph g, String lang, String id, String title, String key, String description) {
        String shown = g.leftOut() == 0 ? description : description + " " + texts.text(lang, key + ".leftOut", g.members().size(), g.leftOut());
        NetworkSvg.Words words = new NetworkSvg.Words(texts.text(lang, key + ".legend.follows"), texts.text(lang, key + ".legend.boosts"),
                texts.text(lang, "empty"), texts.text(lang, key + ".leftOut", g.members().size(), g.leftOut()));
        List<Row> rows = g.links().stream().map(l -> new Row(g.members().get(l.from()).name(), List.of(g.members().get(l.to()).name(),
                texts.text(lang, l.follows() ? "yes" : "no"), Long.toString(l.boosts())))).toList();
        return new Table(List.of(texts.text(lang, key + ".from"), texts.text(lang, key + ".to"), texts.text(lang, key + ".follows"),
                texts.text(lang, key + ".boosts")), rows, NetworkSvg.render(id, title, shown, g, words), shown);
    }
}
