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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 18 per test JVM (embedded, fsync off). The schema is migrated once into a
 * template database; every test gets its own copy in milliseconds, so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static java.nio.file.Path dataDirectory;
    private static Connection admin;
    /** Free memory a shared-memory folder must have for the forks' databases (1–3 GB each) and their neighbours. */
    private static final long ROOM_IN_MEMORY = 8L << 30;

    private TestDatabase() {}

    /** A new, migrated, empty database of its own. */
    public static synchronized DatabaseSettings fresh() {
        EmbeddedPostgres pg = server();
        String name = "test_" + COUNTER.incrementAndGet();
        // FILE_COPY: the template's files copied as they are, where the default (WAL_LOG) writes all 11.5 MB through the
        // write-ahead log — a test fork makes 100–250 databases.
        exec(pg, "CREATE DATABASE " + name + " TEMPLATE allmende_template STRATEGY FILE_COPY");
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
            dataDirectory = Files.createTempDirectory(dataParent(), "allmende-test-pg");
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // see removeWhenStopped
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    // Autovacuum would visit every one of the fork's hundreds of databases in turn, a process each time;
                    // tests that need statistics run ANALYZE themselves.
                    .setServerConfig("autovacuum", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        removeWhenStopped(dataDirectory, serverPid().orElseThrow());
        exec(server, "CREATE DATABASE allmende_template");
        Flyway.configure().dataSource("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/allmende_template", "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        // A template must have no open connections when it is copied.
        exec(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'allmende_template'");
        return server;
    }

    /**
     * Where the data folder goes: ALLMENDE_TEST_PG_PARENT if set, else /dev/shm when it has room, else the temporary
     * directory. A fork copies 100–250 databases of about 300 files each; on ext4 after many deletions (earlier forks'
     * folders) creating those files made a database cost 80–200 ms of PostgreSQL's CPU, in memory 45 ms (measured
     * 2026-12-06, BENCHMARKS.md "The whole suite"). Without fsync nothing is lost by keeping them in memory.
     */
    private static java.nio.file.Path dataParent() {
        String parent = System.getenv("ALLMENDE_TEST_PG_PARENT");
        if (parent != null) return java.nio.file.Path.of(parent);
        java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > ROOM_IN_MEMORY) return shm;
        } catch (IOException e) {
            // the temporary directory, then
        }
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Deletes the data folder once the server has stopped (at the JVM's exit), in a process of its own that the JVM does
     * not wait for. A fork's folder holds every test's database (11.5 MB each, 1–3 GB in all), and deleting it file by
     * file inside the JVM's shutdown hook held the end of the test phase for 10–30 s; on a busy machine surefire killed
     * the fork after its 30 s and left the folder behind (BENCHMARKS.md "The whole suite", 2026-12-05 19:12).
     */
    private static void removeWhenStopped(java.nio.file.Path folder, long postmaster) {
        String script = "while kill -0 " + postmaster + " 2>/dev/null; do sleep 0.2; done; rm -rf \"$0\"";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // setsid: in a session of its own, so that whoever ends the build's process group does not end it too
            if (!startDetached(List.of("setsid", "sh", "-c", script, folder.toString()))) {
                startDetached(List.of("sh", "-c", script, folder.toString())); // else the folder stays in the temporary directory
            }
        }, "remove-test-database-folder"));
    }

    private static boolean startDetached(List<String> command) {
        try {
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sessions the server has started since it started (every backend but the template's), for {@link ClassCosts}. */
    static synchronized long sessions() {
        if (server == null) return 0;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT coalesce(sum(sessions), 0) FROM pg_stat_database")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The process id of this JVM's PostgreSQL server, once it runs (for {@link ClassCosts}). */
    static synchronized java.util.Optional<Long> serverPid() {
        if (server == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Runs {@code sql} on the server's maintenance database, on one connection kept for the JVM's life. */
    private static void exec(EmbeddedPostgres pg, String sql) {
        try {
            // A session costs PostgreSQL a process (about 20 ms of CPU on a small virtual machine): one for all the copies.
            if (admin == null || admin.isClosed()) admin = pg.getPostgresDatabase().getConnection();
            try (Statement s = admin.createStatement()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
