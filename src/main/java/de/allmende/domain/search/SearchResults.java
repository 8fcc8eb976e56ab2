package de.allmende.domain.search;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One page of hits, how many there are in all, and per facet how many of them have each value.
 *
 * @param total             how many documents match; if {@code totalIsLowerBound}, at least this many (the search
 *                          counted only this many, as a broad search over a network has hundreds of thousands of hits)
 * @param facets            facet name ({@code kind}, {@code field}, …) → counts, most first; lower bounds too if
 *                          {@code totalIsLowerBound}: they count the same documents as {@code total}
 */
public record SearchResults(long total, boolean totalIsLowerBound, List<Hit> hits, java.util.Map<String, List<FacetCount>> facets) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = java.util.Map.copyOf(facets);
    }

    /** Results counted exactly. */
    public SearchResults(long total, List<Hit> hits, java.util.Map<String, List<FacetCount>> facets) {
        this(total, false, hits, facets);
    }

    /**
     * A post found. {@code snippet} and {@code highlightedTitle} are plain text in which the words that matched are
     * enclosed by {@link #MARK_START} and {@link #MARK_END}: each reader escapes the text for its format, then marks them.
     * {@code recommended}: a coordinator of this node features it ("empfohlen").
     */
    public record Hit(long postId, URI iri, URI url, SearchKind kind, String language, String title, String highlightedTitle,
                      String snippet, List<String> fields, String municipality, String municipalityName, Instant published,
                      double rank, boolean recommended) {
        public Hit {
            fields = List.copyOf(fields);
        }
    }

    public record FacetCount(String value, long count) {}

    /** Private-use characters, which no text of a post keeps (see {@code SearchDocuments}). */
    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';
}
