package de.allmende.api.web;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.CalendarFilter;
import de.allmende.content.calendar.Organiser;
import de.allmende.domain.post.LanguageMap;
import de.allmende.support.PlainText;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The merged calendar as a page: a filter form that works without JavaScript, the links to subscribe to the same
 * filter as iCalendar and Atom, and the events grouped by day (German days), in German or English.
 */
public final class CalendarPage {
    private static final ZoneId GERMANY = GermanDates.GERMANY;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Templates templates;
    private final CalendarTexts texts;
    private final String nodeName;

    /** Where the page's links lead: this view, its feeds, the same view in the other language, all filters reset. */
    public record Links(String page, String ical, String atom, String otherLanguage, String reset, String action) {}

    /** A day of the list. */
    public record Day(String date, String heading, List<EventView> events) {}

    /** One event as the list shows it; texts already in the page's language where the event has it. */
    public record EventView(String title, String titleLang, String href, String startIso, String startText, String endIso,
                            String endText, String zoneNote, String where, boolean online, String onlineHref, String status,
                            String summary, String summaryLang, String organiser, String organiserHref, String land, String fields) {}

    public CalendarPage(Templates templates, CalendarTexts texts, String nodeName) {
        this.templates = templates;
        this.texts = texts;
        this.nodeName = nodeName;
    }

    /**
     * @param entries    the events to show, by start time
     * @param laterHref  where the list goes on, if it was cut
     * @param langField  the language the query names, kept by the form (null if the browser chose it)
     */
    public String render(String lang, CalendarFilter filter, List<CalendarEntry> entries, List<Organiser> organisers, Links links,
                         String laterHref, String langField) {
        Map<String, Object> m = base(lang, filter, organisers, links, langField);
        m.put("subscribe", Map.of("ical", links.ical(), "atom", links.atom(), "page", links.page()));
        m.put("count", texts.text(lang, "list.count", entries.size()));
        m.put("days", days(lang, entries));
        m.put("moreHref", laterHref);
        return templates.render("calendar", m);
    }

    /** The page with what is wrong with its filter, and the form to try again. */
    public String renderError(String lang, String message, List<Organiser> organisers, Links links, String langField) {
        Map<String, Object> m = base(lang, CalendarFilter.ANY, organisers, links, langField);
        m.put("error", message);
        m.put("alternates", List.of());
        return templates.render("calendar", m);
    }

    private Map<String, Object> base(String lang, CalendarFilter filter, List<Organiser> organisers, Links links, String langField) {
        Map<String, String> t = texts.all(lang);
        Map<String, Object> m = PageModel.base(nodeName, t.get("title"), List.of(),
                List.of(Alternate.of(PageModel.CALENDAR, links.ical(), t.get("subscribe.ical")),
                        Alternate.of(PageModel.ATOM, links.atom(), t.get("subscribe.atom"))));
        m.put("lang", lang);
        m.put("t", t);
        m.put("skipText", t.get("skip"));
        m.put("machineReadableText", t.get("machineReadable"));
        m.put("poweredByText", t.get("poweredBy"));
        m.put("form", CalendarForm.of(filter, lang, texts, organisers));
        m.put("action", links.action());
        m.put("resetHref", links.reset());
        m.put("otherLanguageHref", links.otherLanguage());
        m.put("langField", langField);
        return m;
    }

    private List<Day> days(String lang, List<CalendarEntry> entries) {
        DateTimeFormatter heading = dayFormat(lang, "EEEE, d. MMMM yyyy", "EEEE, d MMMM yyyy");
        Map<LocalDate, List<EventView>> byDay = new LinkedHashMap<>();
        for (CalendarEntry e : entries) {
            LocalDate day = e.when().start().atZone(GERMANY).toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(view(lang, e));
        }
        List<Day> out = new ArrayList<>();
        byDay.forEach((day, events) -> out.add(new Day(day.toString(), day.format(heading), events)));
        return out;
    }

    private EventView view(String lang, CalendarEntry e) {
        ZoneId zone = e.when().timeZone().orElse(GERMANY);
        ZonedDateTime start = e.when().start().atZone(zone);
        ZonedDateTime end = e.when().end().orElse(e.when().start()).atZone(zone);
        String endText = texts.text(lang, "list.until", end.format(TIME));
        if (!end.toLocalDate().equals(start.toLocalDate())) endText = end.format(dayFormat(lang, "d. MMMM yyyy", "d MMMM yyyy")) + ", " + endText;
        String zoneNote = zone.equals(GERMANY) ? null : texts.text(lang, "list.timeZone", zone.getId());
        Optional<Map.Entry<String, String>> title = pick(e.name(), lang);
        Optional<Map.Entry<String, String>> summary = pick(e.summary(), lang);
        String where = java.util.stream.Stream.of(e.when().placeName(), e.when().locality()).flatMap(Optional::stream).distinct()
                .collect(Collectors.joining(", "));
        Organiser o = e.organiser();
        return new EventView(title.map(Map.Entry::getValue).orElse(e.page().toString()), title.map(t -> langAttribute(t.getKey(), lang)).orElse(null),
                href(e.page()), GermanDates.isoLocal(start), start.format(TIME), GermanDates.isoLocal(end), endText, zoneNote,
                where.isEmpty() ? null : where, e.online(), e.when().onlineUrl().map(CalendarPage::href).orElse(null),
                e.status().map(s -> texts.status(lang, s)).orElse(null),
                summary.map(s -> PlainText.fromHtml(s.getValue())).filter(s -> !s.isBlank()).orElse(null),
                summary.map(s -> langAttribute(s.getKey(), lang)).orElse(null), o.name(), href(o.iri()),
                o.land().map(de.allmende.domain.Land::label).orElse(null),
                e.fields().isEmpty() ? null : e.fields().stream().map(h -> texts.field(lang, h)).collect(Collectors.joining(", ")));
    }

    private static DateTimeFormatter dayFormat(String lang, String german, String english) {
        return DateTimeFormatter.ofPattern(lang.equals("de") ? german : english, Locale.forLanguageTag(lang));
    }

    /** The text in the page's language, else German, else the first the sender gave, with its language. */
    static Optional<Map.Entry<String, String>> pick(LanguageMap m, String lang) {
        for (String l : List.of(lang, "de", LanguageMap.UNDETERMINED)) {
            String t = m.texts().get(l);
            if (t != null) return Optional.of(Map.entry(l, t));
        }
        return m.texts().entrySet().stream().findFirst();
    }

    /** A lang attribute where the text's language differs from the page's (none if unknown). */
    private static String langAttribute(String textLang, String pageLang) {
        return textLang.equals(pageLang) || textLang.equals(LanguageMap.UNDETERMINED) ? null : textLang;
    }

    private static String href(URI uri) {
        String safe = de.allmende.api.web.Links.safeHref(uri);
        return safe == null ? "#" : safe;
    }
}
