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
 * A node for benchmarks on a PostgreSQL with durable settings (fsync and synchronous_commit on, checked
 * at start) — unlike the test database, so the figures hold for production.
 */
final class BenchNode implements AutoCloseable {
    final EmbeddedPostgres pg;
    final java.nio.file.Path pgData;
    final Node node;

    BenchNode() throws Exception {
        // The embedded server's defaults are fsync off (-F) and synchronous_commit off; a benchmark of a
        // durable queue must pay for the flush, so both are switched back on (-c fsync=on follows -F).
        pgData = Files.createTempDirectory("allmende-bench-pg");
        pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200").setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .start();
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        requireDurable();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        int port = TestNode.freePort();
        node = Node.start(TestNode.config("http://127.0.0.1:" + port, port, Files.createTempDirectory("allmende-bench"),
                new DatabaseSettings(url, "postgres", "", 24), Map.of("ALLMENDE_DATABASE_POOL_SIZE", "24")));
    }

    private void requireDurable() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            if (!rs.getString(1).equals("on") || !rs.getString(2).equals("on")) {
                throw new IllegalStateException("benchmark database is not durable: fsync=" + rs.getString(1)
                        + ", synchronous_commit=" + rs.getString(2));
            }
        }
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
