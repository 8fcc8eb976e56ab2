package de.allmende.content;

import java.util.Optional;

/** The five kinds of municipal content, with their ActivityStreams type and API path segment. */
public enum ContentKind {
    PROJECT("project", "projects", "Page", "Projekt", "Projekte"),
    UPDATE("update", "updates", "Note", "Projekt-Update", "Projekt-Updates"),
    EVENT("event", "events", "Event", "Veranstaltung", "Veranstaltungen"),
    LESSON("lesson", "lessons", "Article", "Erfahrung", "Erfahrungen"),
    AID("aid", "aids", "Page", "Arbeitshilfe", "Arbeitshilfen");

    private final String code;
    private final String plural;
    private final String asType;
    private final String label;
    private final String pluralLabel;

    ContentKind(String code, String plural, String asType, String label, String pluralLabel) {
        this.code = code;
        this.plural = plural;
        this.asType = asType;
        this.label = label;
        this.pluralLabel = pluralLabel;
    }

    /** Stored in the database and used as {@code allmende:kind} on the wire. */
    public String code() { return code; }
    /** The API collection segment, e.g. {@code /api/allmende/v1/projects}. */
    public String plural() { return plural; }
    /** The ActivityStreams type; all are types Mastodon shows (Note in full, the others converted). */
    public String asType() { return asType; }
    /** German label for pages and feeds. */
    public String label() { return label; }
    /** German plural label, e.g. for feed titles ("Veranstaltungen"). */
    public String pluralLabel() { return pluralLabel; }

    /** The kind of post this content is among all posts the node knows. */
    public de.allmende.domain.post.PostKind postKind() {
        return switch (this) {
            case PROJECT -> de.allmende.domain.post.PostKind.PROJECT;
            case UPDATE -> de.allmende.domain.post.PostKind.PROJECT_UPDATE;
            case EVENT -> de.allmende.domain.post.PostKind.EVENT;
            case LESSON -> de.allmende.domain.post.PostKind.LESSON;
            case AID -> de.allmende.domain.post.PostKind.WORKING_AID;
        };
    }

    public static Optional<ContentKind> byCode(String code) {
        for (ContentKind k : values()) if (k.code.equals(code)) return Optional.of(k);
        return Optional.empty();
    }

    public static Optional<ContentKind> byPlural(String plural) {
        for (ContentKind k : values()) if (k.plural.equals(plural)) return Optional.of(k);
        return Optional.empty();
    }
}
