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

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
