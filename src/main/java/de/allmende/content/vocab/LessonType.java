package de.allmende.content.vocab;

/** What kind of insight a lesson learned records. */
public enum LessonType implements Vocabulary {
    ERFOLGSFAKTOR("erfolgsfaktor", "Erfolgsfaktor"),
    HINDERNIS("hindernis", "Hindernis"),
    EMPFEHLUNG("empfehlung", "Empfehlung"),
    WARNUNG("warnung", "Warnung");

    private final String code;
    private final String label;

    LessonType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
