package de.allmende.domain.search;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the index holds of one public post (table {@code search_document}): its words, prepared for full text per
 * text search configuration and weight, the plain text shown in results, and the facets it is counted under.
 *
 * @param municipality the author's acct ({@code handle} here, {@code user@host} elsewhere)
 * @param land         ISO 3166-2 of the author's Land
 */
public record SearchDocument(long postId, SearchKind kind, String language, String title, String text, Terms terms,
                             List<String> fields, List<String> openness, Optional<String> land, Optional<String> sizeClass,
                             Optional<String> projectStatus, Optional<String> lessonType, int year, long accountId,
                             String municipality, String municipalityName, URI url, Instant published) {
    public SearchDocument {
        fields = List.copyOf(fields);
        openness = List.copyOf(openness);
    }

    /** The prepared words by weight: A the title, B the summary, C the body, its tags and its place. */
    public record Terms(Texts title, Texts summary, Texts body) {}

    /** Prepared words per PostgreSQL text search configuration ('german', 'english', 'simple'). */
    public record Texts(String german, String english, String simple) {}
}
