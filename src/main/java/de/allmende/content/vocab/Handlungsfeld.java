package de.allmende.content.vocab;

/**
 * Fields of action (Handlungsfelder) of municipal Open Government, from the 2017 workshop of the
 * "Modellkommune Open Government" pilot. Each maps to a hashtag so Mastodon users can follow it.
 */
public enum Handlungsfeld implements Vocabulary {
    TRANSPARENZ("transparenz", "Transparenz", "Transparenz"),
    PARTIZIPATION("partizipation", "Partizipation", "Partizipation"),
    ZUSAMMENARBEIT("zusammenarbeit", "Zusammenarbeit", "Zusammenarbeit"),
    OPEN_DATA("open-data", "Open Data", "OpenData"),
    OPEN_SOURCE("open-source", "Open Source", "OpenSource"),
    OPEN_ACCESS("open-access", "Open Access", "OpenAccess"),
    OPEN_INNOVATION("open-innovation", "Open Innovation", "OpenInnovation"),
    SMART_CITY("smart-city", "Smart City", "SmartCity"),
    INKLUSION_EMPOWERMENT("inklusion-empowerment", "Inklusion und Empowerment", "Inklusion"),
    E_GOVERNMENT("e-government", "E-Government", "EGovernment"),
    VERWALTUNGSENTWICKLUNG("verwaltungsentwicklung", "Verwaltungsentwicklung", "Verwaltungsentwicklung");

    private final String code;
    private final String label;
    private final String hashtag;

    Handlungsfeld(String code, String label, String hashtag) {
        this.code = code;
        this.label = label;
        this.hashtag = hashtag;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    /** The hashtag without '#', in CamelCase (Mastodon matches tags case-insensitively). */
    public String hashtag() { return hashtag; }

    /** The field whose hashtag this is (case-insensitive, with or without '#'). */
    public static java.util.Optional<Handlungsfeld> byHashtag(String tag) {
        String t = tag.startsWith("#") ? tag.substring(1) : tag;
        for (Handlungsfeld h : values()) if (h.hashtag.equalsIgnoreCase(t)) return java.util.Optional.of(h);
        return java.util.Optional.empty();
    }

    /**
     * The fields an item counts under: the codes it declares that this vocabulary knows (what another node sends is
     * checked, never trusted), and the fields whose hashtag it carries (#OpenData), as municipalities tag notes in Mastodon.
     */
    public static java.util.Set<Handlungsfeld> of(java.util.Collection<String> declaredCodes, java.util.Collection<String> hashtags) {
        java.util.Set<Handlungsfeld> fields = java.util.EnumSet.noneOf(Handlungsfeld.class);
        declaredCodes.forEach(code -> Vocabulary.parse(Handlungsfeld.class, code).ifPresent(fields::add));
        hashtags.forEach(tag -> byHashtag(tag).ifPresent(fields::add));
        return fields;
    }
}
