package de.allmende.content.vocab;

/** How one takes part in an event (Mobilizon and FEP-8a8e values). */
public enum JoinMode implements Vocabulary {
    FREE("free", "offen"),
    RESTRICTED("restricted", "nach Bestätigung"),
    INVITE("invite", "nur auf Einladung"),
    EXTERNAL("external", "Anmeldung extern"),
    NONE("none", "ohne Anmeldung");

    private final String code;
    private final String label;

    JoinMode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
