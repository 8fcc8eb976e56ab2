package de.allmende.content.vocab;

/** Kinds of working aids (Arbeitshilfen). */
public enum AidKind implements Vocabulary {
    LEITFADEN("leitfaden", "Leitfaden"),
    VORLAGE("vorlage", "Vorlage/Muster"),
    RATSVORLAGE("ratsvorlage", "Ratsvorlage/Musterbeschluss"),
    CHECKLISTE("checkliste", "Checkliste"),
    MODERATIONSLEITFADEN("moderationsleitfaden", "Moderationsleitfaden"),
    PRAESENTATION("praesentation", "Präsentation"),
    PROTOKOLL("protokoll", "Protokoll"),
    DATENSATZ("datensatz", "Datensatz"),
    SOFTWARE("software", "Software"),
    SONSTIGES("sonstiges", "Sonstiges");

    private final String code;
    private final String label;

    AidKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
