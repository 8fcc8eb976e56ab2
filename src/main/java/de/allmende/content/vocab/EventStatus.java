package de.allmende.content.vocab;

/**
 * Event status. On the wire both forms are sent: FEP-8a8e's schema.org {@code eventStatus} and the
 * iCalendar {@code status} Mobilizon reads (which has no "postponed", hence TENTATIVE).
 */
public enum EventStatus implements Vocabulary {
    SCHEDULED("scheduled", "findet statt", "EventScheduled", "CONFIRMED"),
    CANCELLED("cancelled", "abgesagt", "EventCancelled", "CANCELLED"),
    POSTPONED("postponed", "verschoben", "EventPostponed", "TENTATIVE"),
    RESCHEDULED("rescheduled", "neu terminiert", "EventRescheduled", "CONFIRMED"),
    MOVED_ONLINE("moved-online", "findet online statt", "EventMovedOnline", "CONFIRMED"),
    TENTATIVE("tentative", "vorläufig", "EventTentative", "TENTATIVE");

    private final String code;
    private final String label;
    private final String schemaOrg;
    private final String ical;

    EventStatus(String code, String label, String schemaOrg, String ical) {
        this.code = code;
        this.label = label;
        this.schemaOrg = schemaOrg;
        this.ical = ical;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    public String schemaOrg() { return schemaOrg; }
    public String ical() { return ical; }

    /** Reads FEP-8a8e's eventStatus (with or without the schema.org prefix), falling back to iCalendar status. */
    public static java.util.Optional<EventStatus> fromWire(String eventStatus, String icalStatus) {
        if (eventStatus != null) {
            String s = eventStatus.replaceFirst("^(https?://schema\\.org/|schema:|sc:)", "");
            for (EventStatus e : values()) if (e.schemaOrg.equals(s)) return java.util.Optional.of(e);
        }
        if (icalStatus != null) {
            return switch (icalStatus.toUpperCase(java.util.Locale.ROOT)) {
                case "CANCELLED" -> java.util.Optional.of(CANCELLED);
                case "TENTATIVE" -> java.util.Optional.of(TENTATIVE);
                case "CONFIRMED" -> java.util.Optional.of(SCHEDULED);
                default -> java.util.Optional.empty();
            };
        }
        return java.util.Optional.empty();
    }
}
