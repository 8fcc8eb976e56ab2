package de.allmende.federation.iri;

import de.allmende.config.DatabaseSettings;
import de.allmende.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule "a key belongs to the actor it is under", in Java ({@link KeyOwnership#isUnder}) and in the
 * database (check remote_key_under_owner, V4): both agree, and V4 drops rows stored before the rule.
 */
@DisplayName("key ownership: a key id belongs to the actor it is under, in Java and in PostgreSQL alike")
class KeyOwnershipRuleTest {
    private record Case(String owner, String keyId, boolean under) {}

    private static final List<Case> CASES = List.of(
            new Case("https://m.example/users/a", "https://m.example/users/a#main-key", true),       // Mastodon, Misskey, Lemmy …
            new Case("https://g.example/users/a", "https://g.example/users/a/main-key", true),      // GoToSocial
            new Case("https://b.example/user/a", "https://b.example/user/a/#main-key", true),       // BookWyrm
            new Case("https://w.example/author/a/", "https://w.example/author/a/#main-key", true),  // WordPress
            new Case("https://w.example/author/a/", "https://w.example/author/a#main-key", true),
            new Case("https://w.example/?author=1", "https://w.example/?author=1#main-key", true),
            new Case("https://m.example/users/a", "https://m.example/users/a", true),               // Hubzilla: the actor itself
            new Case("https://m.example/users/a", "https://m.example/users/b#main-key", false),     // a neighbour's key
            new Case("https://m.example/users/a", "https://m.example/users/ab#main-key", false),    // a prefix is not a parent
            new Case("https://m.example/users/a", "https://other.example/users/a#main-key", false), // another host
            new Case("https://m.example/users/a", "http://m.example/users/a#main-key", false),      // another scheme
            new Case("https://m.example", "https://m.example.evil/users/a#main-key", false),
            new Case("https://m.example/users/a", "https://m.example/keys/1", false),               // outside the actor
            new Case("https://m.example/users/a", "https://m.example/users/a/../b#main-key", false),
            new Case("https://m.example/users/a", "https://m.example/users/a/%2e%2e/b#main-key", false));

    @Test
    @DisplayName("Java: fragment or path below the actor's IRI on its host; neighbours, prefixes, dot segments are not")
    void javaRule() {
        for (Case c : CASES) {
            assertEquals(c.under(), KeyOwnership.isUnder(URI.create(c.owner()), c.keyId()), c::toString);
        }
    }

    @Test
    @DisplayName("PostgreSQL refuses exactly the rows the Java rule refuses (dot segments: Java is stricter)")
    void databaseAgrees() throws SQLException {
        try (Connection c = connect(TestDatabase.fresh())) {
            for (Case k : CASES) {
                boolean javaSays = KeyOwnership.isUnder(URI.create(k.owner()), k.keyId());
                boolean dbTakes = insertKey(c, k.keyId(), k.owner());
                if (javaSays) assertEquals(true, dbTakes, k::toString);
                if (!javaSays && !k.keyId().contains("/.") && !k.keyId().contains("%2e")) assertEquals(false, dbTakes, k::toString);
            }
        }
    }

    @Test
    @DisplayName("V4 drops keys stored for another actor before the rule, so a poisoned cache heals on upgrade")
    void migrationDropsClaimedKeys() throws SQLException {
        DatabaseSettings db = TestDatabase.fresh();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = connect(db)) {
            assertEquals(true, insertKey(c, "https://v.example/users/victim#main-key", "https://m.example/users/mallory"));
            assertEquals(true, insertKey(c, "https://v.example/users/alice#main-key", "https://v.example/users/alice"));
        }
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        try (Connection c = connect(db); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT key_id FROM remote_key")) {
            rs.next();
            assertEquals("https://v.example/users/alice#main-key", rs.getString(1));
            assertEquals(false, rs.next(), "Mallory's claim on the victim's key is gone");
        }
    }

    private static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** @return false if the database refused the row (the ownership check) */
    private static boolean insertKey(Connection c, String keyId, String owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO remote_key (key_id, owner, algorithm, spki) VALUES (?, ?, 'rsa', '\\x00')")) {
            p.setString(1, keyId);
            p.setString(2, owner);
            p.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!"23514".equals(e.getSQLState())) throw e; // check_violation
            return false;
        }
    }
}
