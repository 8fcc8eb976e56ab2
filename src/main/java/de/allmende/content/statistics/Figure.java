package de.allmende.content.statistics;

/**
 * One figure of the statistics dashboard as numbers, in one of three shapes: bars ({@link Chart}), bars split into
 * series ({@link StackedChart}), or who follows and boosts whom ({@link NetworkGraph}).
 */
public sealed interface Figure permits Chart, StackedChart, NetworkGraph {
    Kind kind();

    /** The figures there are, by the name {@code ?chart=} gives them, in the dashboard's order. */
    enum Kind {
        MONTHS, KINDS_MONTHS, FIELDS_MONTHS, LANDS, LANDS_SIZES, KINDS, FIELDS, FOLLOWED, BOOSTED, LIKED, NETWORK;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<Kind> parse(String code) {
            return java.util.Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
        }
    }
}
