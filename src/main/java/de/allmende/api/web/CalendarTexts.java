package de.allmende.api.web;

import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.Handlungsfeld;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The calendar's words in German and English ({@code i18n/calendar_*.properties}): its page, its feeds' titles and
 * its error messages. Fields of action keep their German names in German; English ones are in the English file.
 */
public final class CalendarTexts {
    public static final Set<String> LANGUAGES = Set.of("de", "en");
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public CalendarTexts() {
        this("i18n.calendar");
    }

    /** The words of another page made like the calendar's (the directory's: {@code i18n.directory}). */
    public CalendarTexts(String bundleName) {
        for (String lang : LANGUAGES) {
            ResourceBundle bundle = ResourceBundle.getBundle(bundleName, Locale.forLanguageTag(lang),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> map = new HashMap<>();
            bundle.keySet().forEach(k -> map.put(k, bundle.getString(k)));
            texts.put(lang, Map.copyOf(map));
        }
    }

    /** Every text of a language, for templates. */
    Map<String, String> all(String lang) {
        return texts.get(lang);
    }

    /** A text of {@code lang}; {@code {0}}… filled with {@code args}. */
    public String text(String lang, String key, Object... args) {
        String pattern = texts.get(lang).getOrDefault(key, key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    public String field(String lang, Handlungsfeld h) {
        return texts.get(lang).getOrDefault("field." + h.code(), h.label());
    }

    public String status(String lang, EventStatus s) {
        return texts.get(lang).getOrDefault("status." + s.code(), s.label());
    }
}
