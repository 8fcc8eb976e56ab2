package de.allmende.content;

import java.util.Optional;

/** A text in German (always) and English (optional). On the wire: nameMap/summaryMap/contentMap. */
public record Localized(String de, String en) {
    public Localized {
        if (de == null || de.isBlank()) throw new IllegalArgumentException("German text is required");
        if (en != null && en.isBlank()) en = null;
    }

    public static Localized german(String de) {
        return new Localized(de, null);
    }

    public Optional<String> english() {
        return Optional.ofNullable(en);
    }
}
