package de.allmende.db;

import de.allmende.config.DatabaseSettings;
import de.allmende.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V9 on rows as V8 left them (follows and reactions by IRI text): each side becomes an account id —
 * remote actors by their IRI, local ones by the actor route on the public URL the node published under — the
 * reacted-to post its post id, and a received boost of a post a post of its own. Rows naming actors the node has
 * no record of go.
 */
@DisplayName("migration V9: follows and reactions by IRI become rows by account and post ids")
class FollowsAndReactionsByIdMigrationTest {
    private static final String NODE = "https://node.example";
    private static final String MUSTERSTADT = NODE + "/actors/musterstadt";
    private static final String ALICE = "https://social.example/users/alice";
    private static final String NOTE = NODE + "/objects/1";
    private static Database db;

    @BeforeAll
    static void migrateRowsWrittenUnderV8() {
        DatabaseSettings settings = TestDatabase.empty();
        flyway(settings).target("8").load().migrate();
        db = Database.connect(settings, null);
        DSLContext sql = db.dsl();
        long actor = sql.fetchSingle("INSERT INTO actor (kind, handle, display_name) VALUES ('municipality', 'musterstadt', 'M') RETURNING id")
                .get(0, Long.class);
        sql.execute("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES (?, 'social.example', 'Person', ?, '{}')", ALICE, ALICE + "/inbox");
        // What tells the migration the public URL: an activity the node published.
        sql.execute("INSERT INTO activity (iri, type, actor, object_iri, local_actor_id, public, raw) VALUES (?, 'Create', ?, ?, ?, true, '{}')",
                NODE + "/activities/1", MUSTERSTADT, NOTE, actor);
        sql.execute("INSERT INTO post (iri, author_id, author_iri, kind, visibility, audience, published)"
                + " SELECT ?, id, ?, 'note', 'public', '{\"to\": [], \"cc\": []}', now() FROM account WHERE local_actor_id = ?", NOTE, MUSTERSTADT, actor);

        follow(ALICE, MUSTERSTADT, "https://social.example/follows/1", "accepted");
        follow(MUSTERSTADT, ALICE, NODE + "/activities/2", "pending");
        follow("https://gone.example/users/ghost", MUSTERSTADT, "https://gone.example/follows/1", "accepted");
        // Same path on another server, which the node never stored: not Musterstadt.
        follow("https://other.example/actors/musterstadt", MUSTERSTADT, "https://other.example/follows/1", "accepted");

        react("like", ALICE, NOTE, "https://social.example/likes/1");
        react("announce", ALICE, NOTE, "https://social.example/statuses/1/activity");
        sql.execute("INSERT INTO activity (iri, type, actor, object_iri, public, raw) VALUES (?, 'Announce', ?, ?, true, ?::jsonb)",
                "https://social.example/statuses/1/activity", ALICE, NOTE,
                "{\"to\": \"https://www.w3.org/ns/activitystreams#Public\", \"cc\": [\"" + MUSTERSTADT + "\", {\"id\": \"odd\"}]}");
        react("like", MUSTERSTADT, "https://social.example/notes/unknown", NODE + "/activities/3");
        react("like", "https://gone.example/users/ghost", NOTE, "https://gone.example/likes/1");

        flyway(settings).load().migrate();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @DisplayName("follows name both accounts by id, local ones found on the node's public URL; unknown actors' rows go")
    void follows() {
        assertEquals(2, count("SELECT count(*) FROM follow"));
        assertEquals(1, count("SELECT count(*) FROM follow f JOIN account r ON r.id = f.follower_id AND r.iri = '" + ALICE + "'"
                + " JOIN account l ON l.id = f.followee_id JOIN actor a ON a.id = l.local_actor_id AND a.handle = 'musterstadt'"
                + " WHERE f.state = 'accepted' AND f.follower = '" + ALICE + "' AND f.followee = '" + MUSTERSTADT + "'"));
        assertEquals(1, count("SELECT count(*) FROM follow f JOIN account l ON l.id = f.follower_id AND l.local_actor_id IS NOT NULL"
                + " JOIN account r ON r.id = f.followee_id AND r.iri = '" + ALICE + "' WHERE f.state = 'pending'"));
    }

    @Test
    @DisplayName("reactions name the account and, where the object is a post here, the post; a boost of a post is a post")
    void reactionsAndBoosts() {
        assertEquals(3, count("SELECT count(*) FROM reaction"));
        assertEquals(2, count("SELECT count(*) FROM reaction r JOIN post p ON p.id = r.post_id AND p.iri = '" + NOTE + "'"
                + " JOIN account a ON a.id = r.account_id AND a.iri = '" + ALICE + "'"));
        assertEquals(1, count("SELECT count(*) FROM reaction r JOIN account a ON a.id = r.account_id AND a.local_actor_id IS NOT NULL"
                + " WHERE r.post_id IS NULL AND r.object_iri = 'https://social.example/notes/unknown'"));
        assertEquals(1, count("SELECT count(*) FROM post b JOIN post o ON o.id = b.reblog_of_id AND o.iri = '" + NOTE + "'"
                + " JOIN account a ON a.id = b.author_id AND a.iri = '" + ALICE + "'"
                + " WHERE b.kind = 'boost' AND b.iri = 'https://social.example/statuses/1/activity' AND b.visibility = 'public'"
                + " AND b.origin_host = 'social.example' AND b.audience = '{\"to\": [\"https://www.w3.org/ns/activitystreams#Public\"],"
                + " \"cc\": [\"" + MUSTERSTADT + "\"]}'::jsonb"));
    }

    private static FluentConfiguration flyway(DatabaseSettings s) {
        return Flyway.configure().dataSource(s.jdbcUrl(), s.user(), s.password()).locations("classpath:db/migration");
    }

    private static void follow(String follower, String followee, String activity, String state) {
        db.dsl().execute("INSERT INTO follow (follower, followee, activity_iri, state) VALUES (?, ?, ?, ?)", follower, followee, activity, state);
    }

    private static void react(String kind, String actor, String object, String activity) {
        db.dsl().execute("INSERT INTO reaction (kind, actor, object_iri, activity_iri) VALUES (?, ?, ?, ?)", kind, actor, object, activity);
    }

    private static long count(String sql) {
        return db.dsl().fetchSingle(sql).get(0, Long.class);
    }
}
