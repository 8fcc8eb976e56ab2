package de.allmende.content.vocab;

/** Event categories: the subset of Mobilizon categories that fits municipal events (unknown values read as MEETING, as in Mobilizon). */
public enum EventCategory implements Vocabulary {
    MEETING("MEETING", "Treffen"),
    COMMUNITY("COMMUNITY", "Gemeinschaft"),
    NETWORKING("NETWORKING", "Netzwerken"),
    LEARNING("LEARNING", "Lernen"),
    WORKSHOPS_SKILL_SHARING("WORKSHOPS_SKILL_SHARING", "Workshop"),
    MOVEMENTS_POLITICS("MOVEMENTS_POLITICS", "Politik"),
    SCIENCE_TECH("SCIENCE_TECH", "Wissenschaft und Technik"),
    BUSINESS("BUSINESS", "Wirtschaft"),
    FAMILY_EDUCATION("FAMILY_EDUCATION", "Familie und Bildung"),
    LANGUAGE_CULTURE("LANGUAGE_CULTURE", "Sprache und Kultur");

    private final String code;
    private final String label;

    EventCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
