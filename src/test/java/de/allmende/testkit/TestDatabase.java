package de.allmende.testkit;

import de.allmende.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 18 per test JVM (embedded, fsync off). The schema is migrated once into a
 * template database; every test gets its own copy in milliseconds, so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** A new, migrated, empty database of its own. */
    public static synchronized DatabaseSettings fresh() {
        EmbeddedPostgres pg = server();
        String name = "test_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name + " TEMPLATE allmende_template");
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name, "postgres", "", 4);
    }

    /** A new database with no schema at all, for tests that run the migrations themselves (up to a version, say). */
    public static synchronized DatabaseSettings empty() {
        EmbeddedPostgres pg = server();
        String name = "empty_" + COUNTER.incrementAndGet();
        exec(pg, "CREATE DATABASE " + name);
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name, "postgres", "", 4);
    }

    private static EmbeddedPostgres server() {
        if (server != null) return server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("allmende-test-pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exec(server, "CREATE DATABASE allmende_template");
        Flyway.configure().dataSource("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/allmende_template", "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        // A template must have no open connections when it is copied.
        exec(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'allmende_template'");
        return server;
    }

    private static void exec(EmbeddedPostgres pg, String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
