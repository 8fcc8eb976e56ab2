package de.allmende.api.web;

import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchResults;
import de.allmende.domain.search.SearchResults.FacetCount;
import de.allmende.domain.search.SearchResults.Hit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search page ({@code /search}): a form (words, a choice per facet with its counts, order), the hits with their
 * matched words marked, and links to the pages before and after. German or English, server-rendered, no script.
 */
public final class SearchPage {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "de", Map.ofEntries(Map.entry("title", "Suche"), Map.entry("words", "Suchbegriffe"), Map.entry("filters", "Eingrenzen"),
                    Map.entry("any", "alle"), Map.entry("order", "Sortierung"), Map.entry("relevance", "nach Relevanz"),
                    Map.entry("date", "nach Datum, neueste zuerst"), Map.entry("submit", "Suchen"), Map.entry("hits", "Treffer"),
                    Map.entry("none", "Keine Treffer. Versuchen Sie andere Wörter oder weniger Eingrenzungen."),
                    Map.entry("pages", "Seiten"), Map.entry("previous", "Vorherige Treffer"), Map.entry("next", "Weitere Treffer"),
                    Map.entry("skip", "Zum Inhalt springen"), Map.entry("machineReadable", "Maschinenlesbar:"),
                    Map.entry("footer", "Betrieben mit Allmende – dem offenen Austauschnetz für Kommunen."),
                    Map.entry("json", "Diese Suche als JSON"), Map.entry("intro", "Durchsucht alle öffentlichen Beiträge dieses Knotens: "
                            + "Projekte, Erfahrungen, Veranstaltungen, Arbeitshilfen und Beiträge, auch die anderer Kommunen.")),
            "en", Map.ofEntries(Map.entry("title", "Search"), Map.entry("words", "Search terms"), Map.entry("filters", "Narrow down"),
                    Map.entry("any", "any"), Map.entry("order", "Order"), Map.entry("relevance", "by relevance"),
                    Map.entry("date", "by date, newest first"), Map.entry("submit", "Search"), Map.entry("hits", "results"),
                    Map.entry("none", "No results. Try other words or fewer filters."),
                    Map.entry("pages", "Pages"), Map.entry("previous", "Previous results"), Map.entry("next", "More results"),
                    Map.entry("skip", "Skip to content"), Map.entry("machineReadable", "Machine-readable:"),
                    Map.entry("footer", "Powered by Allmende – the open exchange network for municipalities."),
                    Map.entry("json", "This search as JSON"), Map.entry("intro", "Searches all public posts on this node: projects, "
                            + "lessons learned, events, working aids and posts, also those of other municipalities.")));

    /** One choice of a facet's list. */
    public record Option(String value, String label, long count, boolean selected) {}

    public record Facet(String param, String label, List<Option> options) {}

    /** @param recommended the "empfohlen" badge's text, or null */
    public record Result(String url, String titleHtml, String snippetHtml, String kind, String municipality, String date, String datetime,
                         String recommended) {}

    private final Templates templates;
    private final String nodeName;

    public SearchPage(Templates templates, String nodeName) {
        this.templates = templates;
        this.nodeName = nodeName;
    }

    /**
     * @param selected   the parameters as given (facet → value), to keep the form as it was sent
     * @param action     the page's path, where its form goes
     * @param page       the path and query of this search without offset, to link the pages before and after
     * @param json       the same search in the API
     * @param message    what was wrong with the request, if it was
     */
    public String render(String lang, SearchQuery q, SearchResults results, Map<String, String> municipalities,
                         Map<String, String> selected, String action, String page, String json, Optional<String> message) {
        boolean german = lang.equals("de");
        Map<String, String> t = TEXTS.get(lang);
        Map<String, Object> m = PageModel.base(nodeName, q.words().isEmpty() ? t.get("title") : t.get("title") + ": " + q.words(), List.of(),
                List.of(new Alternate("application/json", json, t.get("json"), json)));
        m.put("lang", lang);
        m.put("t", t);
        m.put("skipText", t.get("skip")); // the layout's own texts, in the page's language
        m.put("machineReadableText", t.get("machineReadable").replaceAll(":$", ""));
        m.put("poweredByText", t.get("footer"));
        m.put("action", action);
        m.put("q", q.words());
        m.put("byDate", q.order() == SearchQuery.Order.DATE);
        m.put("facets", facets(results, municipalities, selected, german));
        m.put("hits", results.hits().stream().map(h -> result(h, german)).toList());
        m.put("total", total(results, german) + " " + t.get("hits"));
        m.put("message", message.orElse(null));
        String sep = page.contains("?") ? "&" : "?";
        if (q.offset() > 0) m.put("previous", page + sep + "offset=" + Math.max(0, q.offset() - q.limit()));
        if (q.offset() + results.hits().size() < results.total()) m.put("next", page + sep + "offset=" + (q.offset() + q.limit()));
        return templates.render("search", m);
    }

    /** "13", or for a broad search counted only up to the bound "mehr als 10.000" (its counts are lower bounds too). */
    static String total(SearchResults r, boolean german) {
        if (!r.totalIsLowerBound()) return Long.toString(r.total());
        String n = java.text.NumberFormat.getIntegerInstance(german ? java.util.Locale.GERMANY : java.util.Locale.UK).format(r.total());
        return (german ? "mehr als " : "more than ") + n;
    }

    private static List<Facet> facets(SearchResults r, Map<String, String> municipalities, Map<String, String> selected, boolean german) {
        List<Facet> out = new ArrayList<>();
        for (String name : SearchFacets.ORDER) {
            Map<String, Option> options = new LinkedHashMap<>();
            String chosen = selected.get(name);
            for (FacetCount c : r.facets().getOrDefault(name, List.of())) {
                options.put(c.value(), new Option(c.value(), SearchFacets.label(name, c.value(), german, municipalities), c.count(),
                        c.value().equals(chosen)));
            }
            if (chosen != null && !options.containsKey(chosen)) {
                options.put(chosen, new Option(chosen, SearchFacets.label(name, chosen, german, municipalities), 0, true));
            }
            out.add(new Facet(name, SearchFacets.name(name, german), List.copyOf(options.values())));
        }
        return out;
    }

    private static Result result(Hit h, boolean german) {
        LocalDate day = h.published().atZone(GermanDates.GERMANY).toLocalDate();
        String title = h.title().isBlank() ? h.kind().label(german) + " – " + h.municipalityName() : null;
        return new Result(h.url().toString(), title != null ? SearchFacets.html(title) : SearchFacets.html(h.highlightedTitle()),
                SearchFacets.html(h.snippet()), h.kind().label(german), h.municipalityName(), german ? GermanDates.date(day) : day.toString(),
                h.published().toString(), h.recommended() ? SearchFacets.recommended(german) : null);
    }
}
