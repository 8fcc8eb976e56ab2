package de.allmende.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node's embedded PostgreSQL (the README default) is durable: what the inbox acknowledged survives a power cut. */
@DisplayName("embedded PostgreSQL of the node: durable settings")
class EmbeddedDurabilityTest {

    @Test
    void fsyncSynchronousCommitAndFullPageWritesAreOn() throws Exception {
        Path dir = Files.createTempDirectory("allmende-embedded");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startOrAttach(dir.resolve("postgres"));
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
             Statement st = c.createStatement()) {
            for (String setting : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }
}
