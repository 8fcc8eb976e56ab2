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
 * @param walked  where more match than are counted, the older matches (or all, ordered by date) are looked for by
 *                walking the date index through this many newest documents; only a page beyond them asks for the rest
 */
public record SearchBounds(int counted, int recent, int walked) {
    /**
     * A network's coordinator: 1,000 counted (counting 10,000 cost 60–250 ms at 1,000,000 documents on a busy machine,
     * 2,000 still 50–400 ms), relevance among the newest 2,000 documents (at 1,000,000 over five years: the last three
     * and a half days; reading them is the bounded work of a broad search's first page).
     */
    public static final SearchBounds NETWORK = new SearchBounds(1_000, 2_000);

    /**
     * With the date index walked through ten times as many documents as are ranked: at 1,000,000 documents 20,000, a
     * walk of 6–16 ms that finds the next page wherever at least one document in a thousand matches.
     */
    public SearchBounds(int counted, int recent) {
        this(counted, recent, 10 * recent);
    }

    public SearchBounds {
        if (counted < 1 || recent < 1 || walked < recent) throw new IllegalArgumentException("bounds must be positive, walked ≥ recent");
    }
}
