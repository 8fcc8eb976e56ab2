package de.allmende.api.statistics;

import de.allmende.api.web.CalendarTexts;
import de.allmende.content.statistics.Chart;
import de.allmende.content.statistics.Chart.Bar;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Vocabulary;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A bar's words for people in German or English: months by name, kinds and fields of action by their labels. */
final class ChartLabels {
    private ChartLabels() {}

    static String label(CalendarTexts texts, String lang, Chart.Kind chart, Bar bar) {
        if (!bar.label().isEmpty()) return bar.label();
        return switch (chart) {
            case MONTHS -> YearMonth.parse(bar.key()).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag(lang)));
            case KINDS -> texts.text(lang, "kind." + bar.key());
            case FIELDS -> Vocabulary.parse(Handlungsfeld.class, bar.key()).map(h -> texts.field(lang, h)).orElse(bar.key());
            default -> bar.key();
        };
    }
}
