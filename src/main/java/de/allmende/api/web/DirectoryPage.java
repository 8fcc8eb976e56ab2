package de.allmende.api.web;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;
import de.allmende.content.directory.DirectoryEntry;
import de.allmende.content.directory.DirectoryFilter;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directory as a page: a filter form that works without JavaScript (a GET), links to the same selection as JSON
 * and CSV, and one article per municipality with its facts as a description list, in German or English.
 */
public final class DirectoryPage {
    private final Templates templates;
    private final CalendarTexts texts;
    private final String nodeName;

    /** Where the page's links lead: the JSON and CSV of this selection, the other language, all filters reset. */
    public record Links(String json, String csv, String otherLanguage, String reset, String action) {}

    /** One choice of the form. */
    public record Option(String value, String label, boolean selected) {}

    /** One fact of a municipality: its term and what it is. */
    public record Fact(String term, String value) {}

    /** @param recommended the badge saying how many of its posts a coordinator here features, or null if none */
    public record EntryView(String name, String href, String acct, List<Fact> facts, String recommended) {}

    public DirectoryPage(Templates templates, CalendarTexts texts, String nodeName) {
        this.templates = templates;
        this.texts = texts;
        this.nodeName = nodeName;
    }

    public String render(String lang, DirectoryFilter filter, List<DirectoryEntry> entries, Links links, String langField) {
        Map<String, Object> m = base(lang, filter, links, langField);
        m.put("count", texts.text(lang, "list.count", entries.size()));
        m.put("entries", entries.stream().map(e -> view(lang, e)).toList());
        m.put("exports", Map.of("json", links.json(), "csv", links.csv()));
        return templates.render("directory", m);
    }

    public String renderError(String lang, String message, Links links, String langField) {
        Map<String, Object> m = base(lang, DirectoryFilter.ANY, links, langField);
        m.put("error", message);
        return templates.render("directory", m);
    }

    private Map<String, Object> base(String lang, DirectoryFilter f, Links links, String langField) {
        Map<String, String> t = texts.all(lang);
        Map<String, Object> m = PageModel.base(nodeName, t.get("title"), List.of(), List.of());
        m.put("lang", lang);
        m.put("t", t);
        m.put("skipText", t.get("skip"));
        m.put("machineReadableText", t.get("machineReadable"));
        m.put("poweredByText", t.get("poweredBy"));
        m.put("lands", Arrays.stream(Land.values()).map(l -> new Option(l.iso(), l.label(), f.land().equals(Optional.of(l)))).toList());
        m.put("types", Arrays.stream(MunicipalityType.values())
                .map(x -> new Option(x.slug(), x.label(), f.type().equals(Optional.of(x)))).toList());
        m.put("sizes", Arrays.stream(SizeClass.values())
                .map(s -> new Option(s.code(), texts.text(lang, "size." + s.code()), f.sizeClass().equals(Optional.of(s)))).toList());
        m.put("fields", Arrays.stream(Handlungsfeld.values())
                .map(h -> new Option(h.code(), texts.field(lang, h), f.field().equals(Optional.of(h)))).toList());
        m.put("action", links.action());
        m.put("resetHref", links.reset());
        m.put("otherLanguageHref", links.otherLanguage());
        m.put("langField", langField);
        return m;
    }

    private EntryView view(String lang, DirectoryEntry e) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang));
        String none = texts.text(lang, "fact.unknown");
        List<Fact> facts = List.of(
                new Fact(texts.text(lang, "fact.ags"), e.ags().orElse(none)),
                new Fact(texts.text(lang, "fact.ars"), e.ars().orElse(none)),
                new Fact(texts.text(lang, "fact.land"), e.land().map(Land::label).orElse(none)),
                new Fact(texts.text(lang, "fact.type"), e.type().map(MunicipalityType::label).orElse(none)),
                new Fact(texts.text(lang, "fact.population"), e.population().map(numbers::format).orElse(none)),
                new Fact(texts.text(lang, "fact.size"), e.sizeClass().map(s -> texts.text(lang, "size." + s.code())).orElse(none)),
                new Fact(texts.text(lang, "fact.node"), e.host() + e.software().map(s -> " (" + s + ")").orElse("")),
                new Fact(texts.text(lang, "fact.followers"), e.followers().isPresent() ? numbers.format(e.followers().getAsLong()) : none),
                new Fact(texts.text(lang, "fact.lastActivity"), e.lastActivity()
                        .map(i -> i.atZone(GermanDates.GERMANY).format(DateTimeFormatter.ofPattern(lang.equals("de") ? "d.M.yyyy" : "d MMM yyyy",
                                Locale.forLanguageTag(lang)))).orElse(texts.text(lang, "fact.noPosts"))),
                new Fact(texts.text(lang, "fact.fields"), fields(lang, e)));
        if (e.recommended() > 0) { // only where coordinators here recommend something: on other nodes it would be noise
            facts = new java.util.ArrayList<>(facts);
            facts.add(new Fact(texts.text(lang, "fact.recommended"), numbers.format(e.recommended())));
        }
        String href = de.allmende.api.web.Links.safeHref(e.iri());
        return new EntryView(e.name(), href == null ? "#" : href, e.acct(), facts,
                e.recommended() == 0 ? null : texts.text(lang, "badge.recommended", numbers.format(e.recommended())));
    }

    private String fields(String lang, DirectoryEntry e) {
        if (e.fields().isEmpty()) return texts.text(lang, "fact.noFields");
        return Arrays.stream(Handlungsfeld.values()).filter(e.fields()::containsKey)
                .map(h -> texts.field(lang, h) + ": " + e.fields().get(h)).collect(Collectors.joining(", "));
    }
}
