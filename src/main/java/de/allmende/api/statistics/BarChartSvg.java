package de.allmende.api.statistics;

import java.util.List;

/**
 * A horizontal bar chart as SVG, drawn on the server so that it needs no script and no external asset: its title,
 * the two axes named above their columns, then one row per bar with its label left, the bar, and its number right of
 * the bar. The same numbers stand in a table beside it for those who cannot see it.
 */
final class BarChartSvg {
    static final int WIDTH = 760, LABEL_WIDTH = 290, BAR_SPACE = 380, ROW = 26, MAX_LABEL = 40;
    static final String BAR = "#1d5a85";
    /** Where the first row starts: below the title and the axes' names. */
    static final int TOP = SvgCanvas.HEADING + 22;

    record Row(String label, long value) {}

    private BarChartSvg() {}

    static String render(String id, String title, String description, String labelAxis, String valueAxis, List<Row> rows) {
        long max = rows.stream().mapToLong(Row::value).max().orElse(0);
        SvgCanvas svg = new SvgCanvas(id, title, description, WIDTH, TOP + 8 + Math.max(1, rows.size()) * ROW);
        axes(svg, TOP, labelAxis, valueAxis);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * ROW;
            int length = max == 0 ? 0 : (int) Math.round((double) r.value() / max * BAR_SPACE);
            svg.text(LABEL_WIDTH - 8, y + 18, "end", SvgCanvas.fit(r.label(), MAX_LABEL))
                    .rect("bar", LABEL_WIDTH, y + 4, length, ROW - 8, BAR)
                    .text(LABEL_WIDTH + length + 6, y + 18, "start", Long.toString(r.value()));
        }
        return svg.close();
    }

    /** The axes' names: what a row is, right-aligned above the labels; what is counted, above the bars. */
    static void axes(SvgCanvas svg, int top, String labelAxis, String valueAxis) {
        svg.text(LABEL_WIDTH - 8, top - 6, "end", labelAxis, "font-weight=\"bold\"")
                .text(LABEL_WIDTH, top - 6, "start", valueAxis + " →", "font-weight=\"bold\"");
    }
}
