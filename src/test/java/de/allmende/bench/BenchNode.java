package de.allmende.bench;

import de.allmende.Node;
import de.allmende.config.DatabaseSettings;
import de.allmende.testkit.TestNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A node for benchmarks on a PostgreSQL with its default, durable settings (fsync on) — unlike the
 * test database, so the figures hold for production.
 */
final class BenchNode implements AutoCloseable {
    final EmbeddedPostgres pg;
    final Node node;

    BenchNode() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("allmende-bench-pg")).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200").start();
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        int port = TestNode.freePort();
        node = Node.start(TestNode.config("http://127.0.0.1:" + port, port, Files.createTempDirectory("allmende-bench"),
                new DatabaseSettings(url, "postgres", "", 24), Map.of("ALLMENDE_DATABASE_POOL_SIZE", "24")));
    }

    String url() {
        return "http://127.0.0.1:" + node.port();
    }

    long count(String sql) throws Exception {
        try (Connection c = node.services().db.dataSource().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = node.services().db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        node.close();
        pg.close();
    }
}
