package de.allmende.content.statistics;

import java.util.List;

/**
 * One chart of the statistics dashboard as numbers: its bars in the order shown. A bar's key is what the data names
 * (a month {@code 2026-03}, a Land's ISO code, a kind, a field of action's code, an item's URL); its label is for people
 * where the data has one (an item's title), else empty and made from the key in the reader's language.
 */
public record Chart(Kind kind, List<Bar> bars) {
    public Chart {
        bars = List.copyOf(bars);
    }

    public record Bar(String key, String label, long value) {}

    /** The charts there are, by the name {@code ?chart=} gives them. */
    public enum Kind {
        MONTHS, LANDS, KINDS, FIELDS, BOOSTED, LIKED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Kind> parse(String code) {
            return java.util.Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
        }
    }
}
