package de.allmende.domain.search;

import java.util.Optional;

/**
 * A search: words (empty: everything, newest first), facet filters (each a code, checked where the request was
 * read), order and page.
 */
public record SearchQuery(String words, Filters filters, Order order, int limit, int offset) {

    public enum Order { RELEVANCE, DATE }

    /**
     * Each filter empty means "any". {@code municipality} is an acct, {@code land} ISO 3166-2; {@code recommendedOnly}
     * keeps only what a coordinator of this node features ("empfohlen").
     */
    public record Filters(Optional<SearchKind> kind, Optional<String> field, Optional<String> openness, Optional<String> land,
                          Optional<String> sizeClass, Optional<String> projectStatus, Optional<String> lessonType,
                          Optional<Integer> year, Optional<String> municipality, boolean recommendedOnly) {
        public static final Filters NONE = new Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** Just these words, no filter, by relevance. */
    public static SearchQuery words(String words, int limit) {
        return new SearchQuery(words, Filters.NONE, Order.RELEVANCE, limit, 0);
    }
}
