package de.allmende.content.vocab;

/** Municipality size classes (after the BBSR city and municipality types), plus districts. */
public enum SizeClass implements Vocabulary {
    LANDGEMEINDE("landgemeinde", "Landgemeinde (unter 5.000 Einw.)"),
    KLEINSTADT("kleinstadt", "Kleinstadt (5.000–20.000 Einw.)"),
    MITTELSTADT("mittelstadt", "Mittelstadt (20.000–100.000 Einw.)"),
    GROSSSTADT("grossstadt", "Großstadt (ab 100.000 Einw.)"),
    LANDKREIS("landkreis", "Landkreis");

    private final String code;
    private final String label;

    SizeClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The class of a municipality by its facts: a district by its type ({@code landkreis}), the others by population
     * (BBSR's bounds); none if neither says. Search and the directory class alike.
     */
    public static java.util.Optional<SizeClass> of(java.util.Optional<String> municipalityType, java.util.Optional<Integer> population) {
        if (municipalityType.filter("landkreis"::equals).isPresent()) return java.util.Optional.of(LANDKREIS);
        return population.map(n -> n < 5_000 ? LANDGEMEINDE : n < 20_000 ? KLEINSTADT : n < 100_000 ? MITTELSTADT : GROSSSTADT);
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
