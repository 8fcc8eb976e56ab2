package de.allmende.api.web;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.Land;
import de.allmende.domain.search.SearchKind;
import de.allmende.domain.search.SearchResults;
import de.allmende.support.Html;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What people read of search results: facet names and values as words (the vocabularies' German labels; the kinds
 * also in English), and a marked text as HTML. Shared by the search page and the search API.
 */
public final class SearchFacets {
    /** The facets in the order pages show them, with their names in German and English. */
    public static final List<String> ORDER = List.of("kind", "field", "openness", "land", "size", "status", "lesson", "year", "municipality",
            "empfohlen");
    private static final Map<String, String[]> NAMES = Map.of(
            "kind", new String[] {"Art", "Kind"},
            "field", new String[] {"Handlungsfeld", "Field of action"},
            "openness", new String[] {"Perspektive von Offenheit", "Openness perspective"},
            "land", new String[] {"Land", "State (Land)"},
            "size", new String[] {"Größenklasse", "Size class"},
            "status", new String[] {"Projektstatus", "Project status"},
            "lesson", new String[] {"Art der Erfahrung", "Lesson type"},
            "year", new String[] {"Jahr", "Year"},
            "municipality", new String[] {"Kommune", "Municipality"},
            "empfohlen", new String[] {"Empfehlung", "Recommendation"});

    private SearchFacets() {}

    public static String name(String facet, boolean german) {
        return NAMES.get(facet)[german ? 0 : 1];
    }

    /** A facet value as words; {@code municipalities} names the municipalities by acct. */
    public static String label(String facet, String value, boolean german, Map<String, String> municipalities) {
        return switch (facet) {
            case "kind" -> SearchKind.byCode(value).map(k -> k.label(german)).orElse(value);
            case "field" -> vocab(Handlungsfeld.values(), value);
            case "openness" -> vocab(Offenheit.values(), value);
            case "land" -> Arrays.stream(Land.values()).filter(l -> l.iso().equals(value)).findFirst().map(Land::label).orElse(value);
            case "size" -> vocab(SizeClass.values(), value);
            case "status" -> vocab(ProjectStatus.values(), value);
            case "lesson" -> vocab(LessonType.values(), value);
            case "municipality" -> municipalities.getOrDefault(value, value);
            case "empfohlen" -> recommended(german);
            default -> value;
        };
    }

    /** What search and directory call an item a coordinator here features. */
    public static String recommended(boolean german) {
        return german ? "empfohlen" : "recommended";
    }

    /** A text whose matched words are marked ({@link SearchResults#MARK_START}) as HTML: escaped, marks as {@code <mark>}. */
    public static String html(String marked) {
        return Html.escape(marked).replace(String.valueOf(SearchResults.MARK_START), "<mark>")
                .replace(String.valueOf(SearchResults.MARK_END), "</mark>");
    }

    /** The same text without its marks. */
    public static String plain(String marked) {
        return marked.replace(String.valueOf(SearchResults.MARK_START), "").replace(String.valueOf(SearchResults.MARK_END), "");
    }

    private static String vocab(Vocabulary[] values, String code) {
        return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst().map(Vocabulary::label).orElse(code);
    }
}
