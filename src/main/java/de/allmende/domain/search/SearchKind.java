package de.allmende.domain.search;

import de.allmende.domain.post.PostKind;

import java.util.Arrays;
import java.util.Optional;

/** What a search hit is, as the search API and page name it (the {@code kind} facet). */
public enum SearchKind {
    PROJECT("project", "Projekt", "Project"),
    UPDATE("update", "Projekt-Update", "Project update"),
    EVENT("event", "Veranstaltung", "Event"),
    LESSON("lesson", "Erfahrung", "Lesson learned"),
    AID("aid", "Arbeitshilfe", "Working aid"),
    ARTICLE("article", "Artikel", "Article"),
    PAGE("page", "Seite", "Page"),
    NOTE("note", "Beitrag", "Post"),
    QUESTION("question", "Umfrage", "Poll");

    private final String code;
    private final String german;
    private final String english;

    SearchKind(String code, String german, String english) {
        this.code = code;
        this.german = german;
        this.english = english;
    }

    public String code() { return code; }

    public String label(boolean inGerman) { return inGerman ? german : english; }

    /** The kind of a post; empty for a boost, which has no words of its own and is never indexed. */
    public static Optional<SearchKind> of(PostKind kind) {
        return Optional.ofNullable(switch (kind) {
            case NOTE -> NOTE;
            case ARTICLE -> ARTICLE;
            case PAGE -> PAGE;
            case QUESTION -> QUESTION;
            case EVENT -> EVENT;
            case PROJECT -> PROJECT;
            case PROJECT_UPDATE -> UPDATE;
            case LESSON -> LESSON;
            case WORKING_AID -> AID;
            case BOOST -> null;
        });
    }

    public static Optional<SearchKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
