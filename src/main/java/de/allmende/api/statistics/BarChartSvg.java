package de.allmende.api.statistics;

import de.allmende.support.Html;

import java.util.List;

/**
 * A horizontal bar chart as SVG, drawn on the server so that it needs no script and no external asset: one row per
 * bar with its label left, the bar, and its number right of the bar. It is an image with a title and a description
 * (role="img", aria-labelledby); the same numbers stand in a table beside it for those who cannot see it.
 */
final class BarChartSvg {
    private static final int WIDTH = 720, LABEL_WIDTH = 280, BAR_SPACE = 360, ROW = 26, TOP = 8, MAX_LABEL = 42;

    record Row(String label, long value) {}

    private BarChartSvg() {}

    /** {@code id} makes the title's and description's ids unique on a page with several charts. */
    static String render(String id, String title, String description, List<Row> rows) {
        long max = rows.stream().mapToLong(Row::value).max().orElse(0);
        int height = TOP * 2 + Math.max(1, rows.size()) * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"14\">")
                .append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * ROW;
            int length = max == 0 ? 0 : (int) Math.round((double) r.value() / max * BAR_SPACE);
            String label = r.label().length() > MAX_LABEL ? r.label().substring(0, MAX_LABEL - 1) + "…" : r.label();
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 18).append("\" text-anchor=\"end\" fill=\"#1a1a1a\">")
                    .append(Html.escape(label)).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"").append(length)
                    .append("\" height=\"").append(ROW - 8).append("\" fill=\"#1d5a85\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + 18).append("\" fill=\"#1a1a1a\">")
                    .append(r.value()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
