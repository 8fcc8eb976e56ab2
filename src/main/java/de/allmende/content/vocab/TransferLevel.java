package de.allmende.content.vocab;

/** How easily a lesson transfers to other municipalities. */
public enum TransferLevel implements Vocabulary {
    HOCH("hoch", "hoch"),
    MITTEL("mittel", "mittel"),
    GERING("gering", "gering");

    private final String code;
    private final String label;

    TransferLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
