package de.allmende.service.search;

/**
 * How much of a broad search is looked at, as Elasticsearch, GitHub and Mastodon do: at 1,000,000 documents a word
 * such as "Haushalt" matches a third of them, and counting or ranking all of them takes seconds (BENCHMARKS.md,
 * "Coordinator at scale"). Below the bound a search is exact.
 *
 * @param counted the most matching documents counted for the total and the facets; beyond, both are lower bounds
 *                ("mehr als 1.000 Treffer"), as the page and the API say
 * @param recent  where more match than are counted: ordered by relevance are the matches among this many newest
 *                documents of the index; the older matches follow, newest first
 */
public record SearchBounds(int counted, int recent) {
    /**
     * A network's coordinator: 1,000 counted (counting 10,000 cost 60–250 ms at 1,000,000 documents on a busy machine,
     * 2,000 still 50–400 ms), relevance among the newest 2,000 documents (at 1,000,000 over five years: the last three
     * and a half days; reading them is the bounded work of a broad search's first page).
     */
    public static final SearchBounds NETWORK = new SearchBounds(1_000, 2_000);

    public SearchBounds {
        if (counted < 1 || recent < 1) throw new IllegalArgumentException("bounds must be positive");
    }
}
