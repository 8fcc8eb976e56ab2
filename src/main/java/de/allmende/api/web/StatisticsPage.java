package de.allmende.api.web;

import java.util.List;
import java.util.Map;

/**
 * The statistics dashboard as a page: per chart a heading, the chart as inline SVG, its numbers as a table and links
 * to the chart as CSV and SVG; a form (a GET, no JavaScript) to show one chart alone.
 */
public final class StatisticsPage {
    private final Templates templates;
    private final CalendarTexts texts;
    private final String nodeName;

    public record Links(String otherLanguage, String action) {}

    public record Row(String label, long value) {}

    /** A chart to choose in the form. */
    public record Option(String value, String label, boolean selected) {}

    /** One chart: ids and words, the SVG (already escaped markup), its table rows and its exports. */
    public record ChartView(String id, String title, String description, String column, String valueColumn, String svg,
                            List<Row> rows, String csv, String svgHref) {}

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
