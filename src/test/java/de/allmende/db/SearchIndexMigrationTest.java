package de.allmende.db;

import de.allmende.config.DatabaseSettings;
import de.allmende.domain.event.DomainEvent;
import de.allmende.service.search.SearchIndexer;
import de.allmende.store.EventStore;
import de.allmende.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V22 on posts written before it: each public post gets a job of the search-index consumer (as if just
 * edited), so a node that updates finds what it held before; followers-only posts get none.
 */
@DisplayName("migration V22: posts from before the search index are indexed by its consumer")
class SearchIndexMigrationTest {
    private static final String NODE = "https://node.example";

    @Test
    void postsFromBeforeAreIndexed() {
        DatabaseSettings settings = TestDatabase.empty();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password()).locations("classpath:db/migration")
                .target("18").load().migrate();
        try (Database db = Database.connect(settings, null)) {
            DSLContext sql = db.dsl();
            long actor = sql.fetchSingle("INSERT INTO actor (kind, handle, display_name, land, population)"
                    + " VALUES ('municipality', 'musterstadt', 'Stadt Musterstadt', '09', 120000) RETURNING id").get(0, Long.class);
            post(sql, actor, NODE + "/objects/1", "public", "<p>Der Bürgerhaushalt startet.</p>");
            post(sql, actor, NODE + "/objects/2", "followers", "<p>Interner Bürgerhaushalt.</p>");

            Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password()).locations("classpath:db/migration")
                    .load().migrate();
            List<Long> events = sql.fetch("SELECT event_id FROM event_job WHERE consumer = 'search-index' ORDER BY id").getValues(0, Long.class);
            assertEquals(1, events.size(), "one job, for the public post");
            DomainEvent event = new EventStore().find(sql, events.getFirst()).orElseThrow();
            new SearchIndexer(db).apply(event);
            assertEquals(List.of(NODE + "/objects/1 DE-BY grossstadt"), sql.fetch("SELECT p.iri || ' ' || d.land || ' ' || d.size_class"
                    + " FROM search_document d JOIN post p ON p.id = d.post_id WHERE d.terms @@ 'haushalt'::tsquery").getValues(0, String.class));
        }
    }

    private static void post(DSLContext sql, long actor, String iri, String visibility, String html) {
        sql.execute("INSERT INTO post (iri, author_id, author_iri, kind, visibility, audience, content, published)"
                + " SELECT ?, id, ?, 'note', ?, '{\"to\": [], \"cc\": []}', jsonb_build_object('de', ?::text), now()"
                + " FROM account WHERE local_actor_id = ?", iri, NODE + "/actors/musterstadt", visibility, html, actor);
    }
}
