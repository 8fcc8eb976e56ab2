package de.allmende.domain.post;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A text in one or more languages, keyed by BCP 47 tag ({@link #UNDETERMINED} when the sender named none),
 * in the sender's order. ActivityStreams carries it as {@code content} plus {@code contentMap}.
 */
public record LanguageMap(Map<String, String> texts) {
    public static final String UNDETERMINED = "und";
    public static final LanguageMap EMPTY = new LanguageMap(Map.of());

    public LanguageMap {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        texts.forEach((lang, text) -> {
            if (lang != null && !lang.isBlank() && text != null && !text.isBlank()) copy.put(lang, text);
        });
        texts = Collections.unmodifiableMap(copy);
    }

    public static LanguageMap of(String lang, String text) {
        return text == null ? EMPTY : new LanguageMap(Map.of(lang, text));
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The text in {@code lang}, else the first one there is. */
    public Optional<String> preferred(String lang) {
        String t = texts.get(lang);
        return t != null ? Optional.of(t) : texts.values().stream().findFirst();
    }
}
