package de.allmende.service.search;

import de.allmende.config.DatabaseSettings;
import de.allmende.db.Database;
import de.allmende.domain.search.SearchQuery;
import de.allmende.store.SearchDocumentStore;

import java.util.List;
import java.util.Optional;

/**
 * Times a search and its first phases on a database that already holds an index (a {@code CoordinatorScaleBenchmark}
 * holding its node): {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=de.allmende.service.search.SearchPhases -Dexec.args="jdbc:postgresql://127.0.0.1:PORT/test_1 Haushalt ..."}.
 */
public final class SearchPhases {
    public static void main(String[] args) {
        Database db = Database.connect(new DatabaseSettings(args[0], "postgres", "", 2), null);
        NodeSearch search = new NodeSearch(db);
        for (int round = 0; round < 4; round++) {
            for (int i = 1; i < args.length; i++) {
                long t0 = System.nanoTime();
                List<SearchText.Term> terms = SearchText.terms(args[i], NodeSearch.MAX_WORDS);
                long t1 = System.nanoTime();
                Optional<SearchDocumentStore.Match> match = search.match(db.dsl(), terms);
                long t2 = System.nanoTime();
                var r = search.search(SearchQuery.words(args[i], 20));
                long t3 = System.nanoTime();
                System.out.printf("%s: terms %.1f ms, tsquery %.1f ms, whole search %.1f ms (%d hits, query %s)%n", args[i],
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, r.hits().size(), match.get().all().orElse(""));
            }
        }
        System.exit(0);
    }
}
