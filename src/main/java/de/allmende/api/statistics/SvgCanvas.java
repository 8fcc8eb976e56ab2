package de.allmende.api.statistics;

import de.allmende.support.Html;

import java.util.Locale;

/**
 * Writes one figure's SVG: an image (role="img") named by its title and description, on white, with the title also
 * drawn at the top so that the SVG and PNG exports say what they show. No script, no external asset, no CSS.
 */
final class SvgCanvas {
    static final String INK = "#1a1a1a";
    /** Height of the drawn title; figures start below it. */
    static final int HEADING = 40;

    private final StringBuilder svg = new StringBuilder();

    /** {@code id} makes the title's and description's ids unique on a page with several figures. */
    SvgCanvas(String id, String title, String description, int width, int height) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"14\">")
                .append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        text(12, 26, "start", title, "font-size=\"17\" font-weight=\"bold\"");
    }

    SvgCanvas text(double x, double y, String anchor, String text) {
        return text(x, y, anchor, text, "");
    }

    /** {@code attributes}: more attributes, written as they are (constants of ours, never data). */
    SvgCanvas text(double x, double y, String anchor, String text, String attributes) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(INK).append('"').append(attributes.isEmpty() ? "" : " " + attributes).append('>')
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    SvgCanvas rect(String cssClass, double x, double y, double width, double height, String fill) {
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(width)).append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    /** Markup of ours (shapes built from numbers and constants), written as it is. */
    SvgCanvas raw(String markup) {
        svg.append(markup);
        return this;
    }

    String close() {
        return svg.append("</svg>").toString();
    }

    /** A label cut to {@code max} characters with an ellipsis, so that it stays in its column. */
    static String fit(String label, int max) {
        return label.length() > max ? label.substring(0, max - 1) + "…" : label;
    }

    /** A coordinate with at most one decimal, always with a dot. */
    static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
