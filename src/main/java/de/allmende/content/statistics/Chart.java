package de.allmende.content.statistics;

import java.util.List;

/**
 * A bar chart of the statistics dashboard as numbers: its bars in the order shown. A bar's key is what the data names
 * (a month {@code 2026-03}, a Land's ISO code, a kind, a field of action's code, an item's URL, a municipality's
 * handle); its label is for people where the data has one (an item's title, a name), else empty and made from the key
 * in the reader's language.
 */
public record Chart(Kind kind, List<Bar> bars) implements Figure {
    public Chart {
        bars = List.copyOf(bars);
    }

    public record Bar(String key, String label, long value) {}
}
