package de.allmende.api.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Bars split into series as SVG: the title, a legend (a colour square and a name per series), the axes' names, then
 * per row its label, one bar whose segments are the series in the legend's order, and the row's total after it. The
 * colours (after Okabe and Ito, darkened where needed) stand out from white by at least 3:1 and differ in hue and
 * lightness; segments are separated by a white line, and the table beside the figure has every number.
 */
final class StackedBarChartSvg {
    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#7B3294", "#A6761D", "#000000", "#E7298A",
            "#666666", "#01665E", "#882255", "#8C510A", "#332288");
    private static final int LEGEND_ROW = 22, LEGEND_LEFT = 12, SWATCH = 14;
    private static final double CHAR_WIDTH = 7.6;

    record Row(String label, List<Long> values) {
        long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    private StackedBarChartSvg() {}

    static String render(String id, String title, String description, String labelAxis, String valueAxis, List<String> series, List<Row> rows) {
        List<double[]> legend = legend(series);
        int legendHeight = legend.isEmpty() ? 0 : (int) legend.getLast()[1] + LEGEND_ROW - SvgCanvas.HEADING;
        int top = BarChartSvg.TOP + legendHeight;
        long max = rows.stream().mapToLong(Row::total).max().orElse(0);
        SvgCanvas svg = new SvgCanvas(id, title, description, BarChartSvg.WIDTH, top + 8 + Math.max(1, rows.size()) * BarChartSvg.ROW);
        for (int s = 0; s < series.size(); s++) {
            double x = legend.get(s)[0], y = legend.get(s)[1];
            svg.rect("swatch", x, y, SWATCH, SWATCH, colour(s)).text(x + SWATCH + 6, y + 12, "start", series.get(s));
        }
        BarChartSvg.axes(svg, top, labelAxis, valueAxis);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = top + i * BarChartSvg.ROW;
            svg.text(BarChartSvg.LABEL_WIDTH - 8, y + 18, "end", SvgCanvas.fit(r.label(), BarChartSvg.MAX_LABEL));
            double x = BarChartSvg.LABEL_WIDTH;
            for (int s = 0; s < r.values().size(); s++) {
                long v = r.values().get(s);
                if (v == 0) continue;
                double length = (double) v / max * BarChartSvg.BAR_SPACE;
                svg.raw("<rect class=\"segment\" x=\"" + SvgCanvas.n(x) + "\" y=\"" + (y + 4) + "\" width=\"" + SvgCanvas.n(length) + "\" height=\""
                        + (BarChartSvg.ROW - 8) + "\" fill=\"" + colour(s) + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
                x += length;
            }
            svg.text(x + 6, y + 18, "start", Long.toString(r.total()));
        }
        return svg.close();
    }

    static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    /** Each legend entry's top-left corner, filling lines from the left and wrapping at the figure's width. */
    private static List<double[]> legend(List<String> series) {
        List<double[]> at = new ArrayList<>();
        double x = LEGEND_LEFT, y = SvgCanvas.HEADING;
        for (String name : series) {
            double width = SWATCH + 6 + name.length() * CHAR_WIDTH + 18;
            if (x > LEGEND_LEFT && x + width > BarChartSvg.WIDTH - 12) {
                x = LEGEND_LEFT;
                y += LEGEND_ROW;
            }
            at.add(new double[] {x, y});
            x += width;
        }
        return at;
    }
}
