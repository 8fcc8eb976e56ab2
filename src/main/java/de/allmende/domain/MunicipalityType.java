package de.allmende.domain;

import java.util.Optional;

/** Kind of local authority (Gebietskörperschaft). Stored and exchanged by slug. */
public enum MunicipalityType {
    GEMEINDE("gemeinde", "Gemeinde"),
    STADT("stadt", "Stadt"),
    KREISFREIE_STADT("kreisfreie-stadt", "Kreisfreie Stadt"),
    LANDKREIS("landkreis", "Landkreis"),
    GEMEINDEVERBAND("gemeindeverband", "Gemeindeverband (Amt, Verbands- oder Samtgemeinde)"),
    BEZIRK("bezirk", "Bezirk"),
    STADTSTAAT("stadtstaat", "Stadtstaat");

    private final String slug;
    private final String label;

    MunicipalityType(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() { return slug; }
    public String label() { return label; }

    public static Optional<MunicipalityType> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase().replace('_', '-').replace(' ', '-');
        for (MunicipalityType m : values()) if (m.slug.equals(t)) return Optional.of(m);
        return Optional.empty();
    }

    public static String slugs() {
        StringBuilder sb = new StringBuilder();
        for (MunicipalityType m : values()) sb.append(sb.isEmpty() ? "" : ", ").append(m.slug);
        return sb.toString();
    }
}
