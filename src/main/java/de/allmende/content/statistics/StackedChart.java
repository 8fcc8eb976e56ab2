package de.allmende.content.statistics;

import java.util.List;

/**
 * Bars split into series (a Land's municipalities by size class, a month's posts by kind): per row one value for each
 * series, in the series' order. Keys and labels as in {@link Chart}: a series is named by its code (a size class, a
 * kind, a field of action; {@link #NONE} for "not stated").
 */
public record StackedChart(Kind kind, List<String> series, List<Row> rows) implements Figure {
    /** The series of what states nothing (a municipality without a size class). */
    public static final String NONE = "none";

    public StackedChart {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values().size() != series.size()) throw new IllegalArgumentException("row " + r.key() + " has not one value per series");
        }
    }

    public record Row(String key, String label, List<Long> values) {
        public Row {
            values = List.copyOf(values);
        }

        public long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }
}
