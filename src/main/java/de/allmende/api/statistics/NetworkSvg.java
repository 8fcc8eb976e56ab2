package de.allmende.api.statistics;

import de.allmende.content.statistics.NetworkGraph;

import java.util.List;

/**
 * Who follows and boosts whom as SVG: the members on a circle, each a dot with its name outside; an arrow from each
 * member to those it follows (a thin dark line) and to those whose posts it boosted (a thicker dashed orange line,
 * thicker for more boosts). Each arrow runs slightly to the right of the straight line between the two, so that
 * "A follows B" and "B follows A", and a follow beside a boost, stay two arrows. A legend names both kinds.
 */
final class NetworkSvg {
    static final int WIDTH = 860;
    private static final int TOP = SvgCanvas.HEADING + 50, RADIUS = 210, DOT = 6, MAX_LABEL = 28;
    private static final double CX = WIDTH / 2.0, CY = TOP + 40 + RADIUS;
    private static final String FOLLOW = "#333333", BOOST = "#D55E00", DOT_FILL = "#1d5a85";

    /** The words: the two kinds of arrow, and what to say when there is nothing to draw or some was left out. */
    record Words(String follows, String boosts, String empty, String leftOut) {}

    private NetworkSvg() {}

    static String render(String id, String title, String description, NetworkGraph graph, Words words) {
        int height = (int) (CY + RADIUS + 80);
        SvgCanvas svg = new SvgCanvas(id, title, description, WIDTH, height);
        svg.raw("<defs>" + marker(id + "-follows", FOLLOW) + marker(id + "-boosts", BOOST) + "</defs>");
        legend(svg, id, words);
        List<NetworkGraph.Member> members = graph.members();
        if (members.isEmpty()) svg.text(CX, CY, "middle", words.empty());
        double[][] at = new double[members.size()][];
        for (int i = 0; i < members.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / members.size();
            at[i] = new double[] {CX + RADIUS * Math.cos(angle), CY + RADIUS * Math.sin(angle), angle};
        }
        for (NetworkGraph.Link l : graph.links()) {
            if (l.follows()) arrow(svg, "follows", at[l.from()], at[l.to()], 3, FOLLOW, 1.5, "", id + "-follows");
            if (l.boosts() > 0) {
                arrow(svg, "boosts", at[l.from()], at[l.to()], 8, BOOST, 1.5 + Math.min(l.boosts(), 5), " stroke-dasharray=\"7 4\"", id + "-boosts");
            }
        }
        for (int i = 0; i < members.size(); i++) {
            double cos = Math.cos(at[i][2]), sin = Math.sin(at[i][2]);
            svg.raw("<circle class=\"member\" cx=\"" + SvgCanvas.n(at[i][0]) + "\" cy=\"" + SvgCanvas.n(at[i][1]) + "\" r=\"" + DOT
                    + "\" fill=\"" + DOT_FILL + "\"/>");
            String anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
            svg.text(CX + (RADIUS + 14) * cos, CY + (RADIUS + 14) * sin + 5 + (Math.abs(cos) < 0.2 ? 8 * Math.signum(sin) : 0), anchor,
                    SvgCanvas.fit(members.get(i).name(), MAX_LABEL), "font-size=\"13\"");
        }
        if (graph.leftOut() > 0) svg.text(12, height - 14, "start", words.leftOut());
        return svg.close();
    }

    private static void legend(SvgCanvas svg, String id, Words words) {
        int y = SvgCanvas.HEADING + 4;
        svg.raw(line("legend", 12, y + 8, 60, y + 8, FOLLOW, 1.5, "", id + "-follows")).text(70, y + 13, "start", words.follows());
        svg.raw(line("legend", 12, y + 32, 60, y + 32, BOOST, 3.5, " stroke-dasharray=\"7 4\"", id + "-boosts"))
                .text(70, y + 37, "start", words.boosts());
    }

    /** A line from one dot to another, moved {@code offset} to its right, stopping short of both dots. */
    private static void arrow(SvgCanvas svg, String cssClass, double[] from, double[] to, double offset, String colour, double width,
                              String extra, String marker) {
        double dx = to[0] - from[0], dy = to[1] - from[1], length = Math.hypot(dx, dy);
        if (length < 3 * DOT) return;
        double ux = dx / length, uy = dy / length, nx = -uy * offset, ny = ux * offset, gap = DOT + 3;
        svg.raw(line(cssClass, from[0] + ux * gap + nx, from[1] + uy * gap + ny, to[0] - ux * gap + nx, to[1] - uy * gap + ny, colour, width,
                extra, marker));
    }

    private static String line(String cssClass, double x1, double y1, double x2, double y2, String colour, double width, String extra, String marker) {
        return "<line class=\"" + cssClass + "\" x1=\"" + SvgCanvas.n(x1) + "\" y1=\"" + SvgCanvas.n(y1) + "\" x2=\"" + SvgCanvas.n(x2)
                + "\" y2=\"" + SvgCanvas.n(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"" + SvgCanvas.n(width) + "\"" + extra
                + " marker-end=\"url(#" + marker + ")\"/>";
    }

    /** An arrowhead of a fixed size (not growing with a thick line). */
    private static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\""
                + " markerHeight=\"11\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
    }
}
