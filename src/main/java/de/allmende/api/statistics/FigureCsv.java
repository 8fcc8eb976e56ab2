package de.allmende.api.statistics;

import de.allmende.api.web.CalendarTexts;
import de.allmende.content.statistics.Chart;
import de.allmende.content.statistics.Figure;
import de.allmende.content.statistics.NetworkGraph;
import de.allmende.content.statistics.StackedChart;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure's numbers as CSV (RFC 4180, a header row): bars as {@code key,label,value}; bars in series as
 * {@code key,label}, one column per series (by its code) and {@code total}; the network as one row per link,
 * {@code from,from_name,to,to_name,follows,boosts}. Keys are what the data names; labels are in the asked language.
 */
final class FigureCsv {
    private FigureCsv() {}

    static String csv(Figure figure, CalendarTexts texts, String lang) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header(figure).toArray(String[]::new)).get())) {
            switch (figure) {
                case Chart c -> {
                    for (Chart.Bar b : c.bars()) printer.printRecord(b.key(), ChartLabels.row(texts, lang, c.kind(), b.key(), b.label()), b.value());
                }
                case StackedChart c -> {
                    for (StackedChart.Row r : c.rows()) {
                        List<Object> row = new ArrayList<>(List.of(r.key(), ChartLabels.row(texts, lang, c.kind(), r.key(), r.label())));
                        row.addAll(r.values());
                        row.add(r.total());
                        printer.printRecord(row);
                    }
                }
                case NetworkGraph g -> {
                    for (NetworkGraph.Link l : g.links()) {
                        NetworkGraph.Member from = g.members().get(l.from()), to = g.members().get(l.to());
                        printer.printRecord(from.key(), from.name(), to.key(), to.name(), l.follows(), l.boosts());
                    }
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static List<String> header(Figure figure) {
        return switch (figure) {
            case Chart c -> List.of("key", "label", "value");
            case StackedChart c -> {
                List<String> h = new ArrayList<>(List.of("key", "label"));
                h.addAll(c.series());
                h.add("total");
                yield h;
            }
            case NetworkGraph g -> List.of("from", "from_name", "to", "to_name", "follows", "boosts");
        };
    }
}
