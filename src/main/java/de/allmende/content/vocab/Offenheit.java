package de.allmende.content.vocab;

/** The eight perspectives of openness (Perspektiven von Offenheit), workshop of 24.11.2017. */
public enum Offenheit implements Vocabulary {
    TRANSPARENZ("transparenz", "Transparenz"),
    PARTIZIPATION("partizipation", "Partizipation"),
    KOOPERATION("kooperation", "Kooperation"),
    KOPRODUKTION("koproduktion", "Koproduktion"),
    ERGEBNISORIENTIERUNG("ergebnisorientierung", "Ergebnisorientierung"),
    INNOVATIONSFAEHIGKEIT("innovationsfaehigkeit", "Innovationsfähigkeit"),
    OFFENHEIT_IT("offenheit-it", "Offenheit beim IT-Einsatz"),
    INTERNE_PARTIZIPATION("interne-partizipation", "Interne Partizipation");

    private final String code;
    private final String label;

    Offenheit(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
