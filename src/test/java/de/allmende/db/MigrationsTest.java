package de.allmende.db;

import de.allmende.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Flyway runs at start only when the schema is not what this build's migrations make it")
class MigrationsTest {
    private Database db;

    @BeforeEach
    void migratedByFlyway() {
        db = Database.connect(TestDatabase.fresh(), null); // a copy of a template Flyway migrated
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSchemaFlywayMigratedIsUpToDateWithTheSameChecksumsFlywayStored() throws SQLException {
        assertTrue(upToDate());
        assertEquals(0, db.migrate());
    }

    @Test
    void aMigrationWithoutItsHistoryRowIsPending() throws SQLException {
        String last = query("SELECT max(version::int)::text FROM flyway_schema_history WHERE version IS NOT NULL");
        exec("DELETE FROM flyway_schema_history WHERE version = '" + last + "'");
        assertFalse(upToDate());
    }

    @Test
    void anEditedFailedOrUnrecordedMigrationIsNotUpToDate() throws SQLException {
        exec("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        assertFalse(upToDate(), "edited since it was applied: Flyway's validation reports it");
        exec("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
        assertTrue(upToDate());

        exec("UPDATE flyway_schema_history SET success = false WHERE version = '2'");
        assertFalse(upToDate(), "a failed migration");
        exec("UPDATE flyway_schema_history SET success = true WHERE version = '2'");

        exec("DROP TABLE flyway_schema_history");
        assertFalse(upToDate(), "no history: a fresh database");
    }

    @Test
    void checksumsAreFlywaysLineByLineCrcWithoutBomOrLineBreaks() throws Exception {
        int unix = Migrations.checksum(stream("CREATE TABLE a ();\nSELECT 1;\n"));
        assertEquals(unix, Migrations.checksum(stream("\uFEFFCREATE TABLE a ();\r\nSELECT 1;")));
    }

    private boolean upToDate() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return Migrations.upToDate(c);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
