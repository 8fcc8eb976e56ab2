package de.allmende.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL 18 (zonky binaries) whose data lives in the node's data folder.
 *
 * <p>Several processes may use one data folder at once (a running node plus CLI commands): the first
 * one starts PostgreSQL and holds zonky's lock file; later ones find the lock taken and attach to the
 * running server through the port recorded in {@code postmaster.pid}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock"; // zonky's name; it locks this before starting postgres

    private final EmbeddedPostgres owned; // null when attached to another process's server
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    public static EmbeddedPostgresServer startOrAttach(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            if (heldByAnotherProcess(dataDir)) {
                int port = runningPort(dataDir).orElseThrow(() -> new IllegalStateException(
                        "the embedded database in " + dataDir + " is locked by another process but not running"));
                LOG.info("attached to the embedded PostgreSQL of a running node on port {}", port);
                return new EmbeddedPostgresServer(null, port);
            }
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Our own shutdown hook stops it after the queue workers; zonky's would race them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "64MB")
                    // zonky's defaults are for tests (fsync, synchronous_commit and full_page_writes off): a node
                    // acknowledges activities with 202 only once they are durable, so these must be on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.info("embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
            return new EmbeddedPostgresServer(pg, pg.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() { return port; }

    public boolean owner() { return owned != null; }

    @Override
    public void close() {
        if (owned == null) return;
        try {
            owned.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static boolean heldByAnotherProcess(Path dataDir) throws IOException {
        Path lock = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lock)) return false;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM (another node in the same process)
        }
    }

    /** Port from postmaster.pid (line 4) if a postmaster is alive for this data folder. */
    private static Optional<Integer> runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) return Optional.empty();
        long pid = Long.parseLong(lines.get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        }
        return Optional.empty();
    }

    /** A postmaster left behind by a node that died without stopping it: stop it so we can own the folder. */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) return; // stale pid file; postgres itself recovers from it
        LOG.warn("stopping an orphaned embedded PostgreSQL (pid {}) left by a node that did not shut down", pid);
        orphan.get().destroy(); // SIGTERM: smart shutdown, consistent on disk
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("orphaned PostgreSQL (pid " + pid + ") did not stop", e);
        }
    }
}
