package de.allmende.db;

import de.allmende.config.DatabaseSettings;
import de.allmende.testkit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Migration V25 (relays) replaces the actor kind CHECK that V24 (coordinators) left: 'relay' and 'coordinator' are
 * allowed, nothing else new is, one kind CHECK is left, and a node has at most one relay actor.
 */
@DisplayName("migration V25: the actor kinds allow relay and coordinator")
class RelayMigrationTest {

    @Test
    void relayAndCoordinatorKinds() throws SQLException {
        DatabaseSettings settings = TestDatabase.empty();
        flyway(settings).load().migrate();
        assertKinds(settings);
    }

    private static void assertKinds(DatabaseSettings settings) throws SQLException {
        try (Connection c = connect(settings); Statement st = c.createStatement()) {
            st.execute("INSERT INTO actor (kind, handle, display_name) VALUES ('coordinator', 'nrw', 'Netzwerkstelle NRW')");
            st.execute("INSERT INTO actor (kind, handle, display_name) VALUES ('relay', 'relay', 'Relay')");
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO actor (kind, handle, display_name) VALUES ('relay', 'relay2', 'R')"),
                    "one relay actor per node");
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO actor (kind, handle, display_name) VALUES ('robot', 'r', 'R')"));
            var rs = st.executeQuery("SELECT count(*) FROM pg_constraint WHERE conrelid = 'actor'::regclass AND contype = 'c'"
                    + " AND pg_get_constraintdef(oid) LIKE '%kind%'");
            rs.next();
            assertEquals(1, rs.getInt(1), "one kind CHECK");
        }
    }

    private static Connection connect(DatabaseSettings s) throws SQLException {
        return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
    }

    private static FluentConfiguration flyway(DatabaseSettings s) {
        return Flyway.configure().dataSource(s.jdbcUrl(), s.user(), s.password()).locations("classpath:db/migration");
    }
}
