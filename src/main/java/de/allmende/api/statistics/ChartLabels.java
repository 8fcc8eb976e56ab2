package de.allmende.api.statistics;

import de.allmende.api.web.CalendarTexts;
import de.allmende.content.statistics.Figure;
import de.allmende.content.statistics.StackedChart;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Vocabulary;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words for people in German or English: months by name, kinds, fields of action and size classes by their labels. */
final class ChartLabels {
    private ChartLabels() {}

    /** A bar's or row's label: the data's own where it has one (a title, a name), else made from its key. */
    static String row(CalendarTexts texts, String lang, Figure.Kind figure, String key, String label) {
        if (!label.isEmpty()) return label;
        return switch (figure) {
            case MONTHS, KINDS_MONTHS, FIELDS_MONTHS -> YearMonth.parse(key).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag(lang)));
            case KINDS -> kind(texts, lang, key);
            case FIELDS -> field(texts, lang, key);
            default -> key;
        };
    }

    /** A series' label: a kind, a field of action or a size class by its code. */
    static String series(CalendarTexts texts, String lang, Figure.Kind figure, String code) {
        return switch (figure) {
            case KINDS_MONTHS -> kind(texts, lang, code);
            case FIELDS_MONTHS -> field(texts, lang, code);
            case LANDS_SIZES -> texts.text(lang, code.equals(StackedChart.NONE) ? "size.none" : "size." + code);
            default -> code;
        };
    }

    private static String kind(CalendarTexts texts, String lang, String code) {
        return texts.text(lang, "kind." + code);
    }

    private static String field(CalendarTexts texts, String lang, String code) {
        return Vocabulary.parse(Handlungsfeld.class, code).map(h -> texts.field(lang, h)).orElse(code);
    }
}
