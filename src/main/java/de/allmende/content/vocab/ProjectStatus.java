package de.allmende.content.vocab;

/** Where a project stands. */
public enum ProjectStatus implements Vocabulary {
    GEPLANT("geplant", "geplant"),
    LAUFEND("laufend", "laufend"),
    ABGESCHLOSSEN("abgeschlossen", "abgeschlossen"),
    VERSTETIGT("verstetigt", "verstetigt"),
    EINGESTELLT("eingestellt", "eingestellt");

    private final String code;
    private final String label;

    ProjectStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
