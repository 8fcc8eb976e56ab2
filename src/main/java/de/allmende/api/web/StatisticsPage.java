package de.allmende.api.web;

import java.util.List;
import java.util.Map;

/**
 * The statistics dashboard as a page: per figure a heading, the figure as inline SVG, its numbers as a table and links
 * to the figure as CSV, SVG and PNG; a form (a GET, no JavaScript) to show one figure alone.
 */
public final class StatisticsPage {
    private final Templates templates;
    private final CalendarTexts texts;
    private final String nodeName;

    public record Links(String otherLanguage, String action) {}

    /** A table row: its heading cell (what the row is) and its data cells, as shown. */
    public record Row(String label, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A chart to choose in the form. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * One figure: ids and words, the SVG (already escaped markup), its table (the column headings, the first over the
     * rows' headings) and its exports.
     */
    public record ChartView(String id, String title, String description, List<String> columns, String svg, List<Row> rows,
                            String csv, String svgHref, String pngHref) {
        public ChartView {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    public StatisticsPage(Templates templates, CalendarTexts texts, String nodeName) {
        this.templates = templates;
        this.texts = texts;
        this.nodeName = nodeName;
    }

    public String render(String lang, List<ChartView> charts, Links links, List<Option> choices, String langField) {
        Map<String, Object> m = base(lang, links, choices, langField);
        m.put("charts", charts);
        return templates.render("statistics", m);
    }

    public String renderError(String lang, String message, Links links, List<Option> choices, String langField) {
        Map<String, Object> m = base(lang, links, choices, langField);
        m.put("error", message);
        return templates.render("statistics", m);
    }

    private Map<String, Object> base(String lang, Links links, List<Option> choices, String langField) {
        Map<String, String> t = texts.all(lang);
        Map<String, Object> m = PageModel.base(nodeName, t.get("title"), List.of(), List.of());
        m.put("lang", lang);
        m.put("t", t);
        m.put("skipText", t.get("skip"));
        m.put("machineReadableText", t.get("machineReadable"));
        m.put("poweredByText", t.get("poweredBy"));
        m.put("otherLanguageHref", links.otherLanguage());
        m.put("action", links.action());
        m.put("charts", List.of());
        m.put("choices", choices);
        m.put("langField", langField);
        return m;
    }
}
