package de.allmende.testkit;

import de.allmende.Node;
import de.allmende.config.ConfigLoader;
import de.allmende.config.DatabaseSettings;
import de.allmende.config.NodeConfig;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real node for tests: real HTTP on loopback, its own real PostgreSQL database, its own data folder
 * (master key). The public URL may differ from where it listens, so golden documents can use
 * https://muni.example while requests go to 127.0.0.1.
 */
public final class TestNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Node node;
    private final Path dataDir;
    private final DatabaseSettings database;

    private TestNode(Node node, Path dataDir, DatabaseSettings database) {
        this.node = node;
        this.dataDir = dataDir;
        this.database = database;
    }

    /** A node whose public URL is its loopback address. */
    public static TestNode start() {
        int port = freePort();
        return start("http://127.0.0.1:" + port, port, Map.of());
    }

    /** A node whose public URL is its loopback address, with settings of {@link ConfigLoader} added. */
    public static TestNode start(Map<String, String> extraEnv) {
        int port = freePort();
        return start("http://127.0.0.1:" + port, port, extraEnv);
    }

    /** A node that calls itself {@code publicUrl} but listens on loopback. */
    public static TestNode startAs(String publicUrl) {
        return start(publicUrl, freePort(), Map.of());
    }

    public static TestNode start(String publicUrl, int port, Map<String, String> extraEnv) {
        try {
            Path dataDir = Files.createTempDirectory("allmende-node");
            DatabaseSettings db = TestDatabase.fresh();
            return new TestNode(Node.start(config(publicUrl, port, dataDir, db, extraEnv)), dataDir, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another process of the same node, as behind a load balancer: same database, data folder (master
     * key) and public URL, its own port and its own queue workers.
     */
    public TestNode sibling(Map<String, String> extraEnv) {
        return new TestNode(Node.start(config(publicUrl().toString(), freePort(), dataDir, database, extraEnv)), dataDir, database);
    }

    /**
     * This node started again after {@link #close()}: the same port, database, data folder and public URL, as an
     * operator restarts a node.
     */
    public TestNode restarted() {
        return new TestNode(Node.start(config(publicUrl().toString(), node.port(), dataDir, database, Map.of())), dataDir, database);
    }

    /** The environment a CLI command needs to work on this node's database (for {@link InProcessCli}). */
    public Map<String, String> cliEnvironment() {
        return environment(publicUrl().toString(), node.port(), dataDir, database, Map.of());
    }

    public static NodeConfig config(String publicUrl, int port, Path dataDir, DatabaseSettings db, Map<String, String> extraEnv) {
        return ConfigLoader.load(environment(publicUrl, port, dataDir, db, extraEnv));
    }

    private static Map<String, String> environment(String publicUrl, int port, Path dataDir, DatabaseSettings db, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.PUBLIC_URL, publicUrl);
        env.put(ConfigLoader.HTTP_HOST, "127.0.0.1");
        env.put(ConfigLoader.HTTP_PORT, String.valueOf(port));
        env.put(ConfigLoader.DATA_DIR, dataDir.toString());
        env.put(ConfigLoader.DATABASE_URL, db.jdbcUrl());
        env.put(ConfigLoader.DATABASE_USER, db.user());
        env.put(ConfigLoader.DATABASE_POOL_SIZE, "8");
        env.put(ConfigLoader.ALLOW_PRIVATE_NETWORKS, "true");
        env.put(ConfigLoader.RETRY_SCALE, "0.01");
        env.put(ConfigLoader.PASSWORD_HASHING, "tests");
        env.putAll(extraEnv);
        return env;
    }

    public Node node() { return node; }

    /** The environment a command line needs to work on this node's database (see {@link InProcessCli}). */
    public Map<String, String> cliEnv() {
        return Map.of(ConfigLoader.PUBLIC_URL, publicUrl().toString(), ConfigLoader.DATA_DIR, dataDir.toString(),
                ConfigLoader.DATABASE_URL, database.jdbcUrl(), ConfigLoader.DATABASE_USER, database.user(),
                ConfigLoader.DATABASE_PASSWORD, database.password(), ConfigLoader.ALLOW_PRIVATE_NETWORKS, "true",
                ConfigLoader.PASSWORD_HASHING, "tests");
    }
    public Path dataDir() { return dataDir; }
    public DatabaseSettings database() { return database; }
    public URI publicUrl() { return node.services().config.publicUrl(); }

    public LocalActor create(MunicipalityInput input) {
        return node.services().actors.createMunicipality(input);
    }

    /** Base URL of this node on loopback (also its public URL for nodes made with {@link #start()}). */
    public String url() {
        return "http://127.0.0.1:" + node.port();
    }

    public java.net.URI actorIri(String handle) {
        return node.services().iris.actor(handle);
    }

    public de.allmende.domain.LocalActor actor(String handle) {
        return node.services().actors.findMunicipality(handle).orElseThrow();
    }

    /** Runs a scalar SQL query (tests inspect rows directly). */
    public long count(String sql) {
        try (var c = node.services().db.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement that changes rows (tests that stage a state the node could not be driven into quickly). */
    public int execute(String sql) {
        try (var c = node.services().db.dataSource().getConnection(); var st = c.createStatement()) {
            return st.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits until {@code condition} holds (side effects of queues are asynchronous). */
    public static void await(String what, java.util.function.BooleanSupplier condition) {
        await(what, Duration.ofSeconds(20), condition);
    }

    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    /**
     * Waits until no node has a pending delivery, event job or inbox item. A delivery is marked delivered only
     * after the receiver queued it, and applying an item may queue new deliveries, so "all queues
     * empty" is checked in several sweeps in a row before it counts.
     */
    /**
     * Outbound work still to do: deliveries not yet settled, and domain events not yet consumed (the fan-out
     * writes a post's follower deliveries after the request committed).
     */
    public static final String PENDING_OUTBOUND = "SELECT (SELECT count(*) FROM delivery WHERE delivered IS NULL AND failed IS NULL)"
            + " + (SELECT count(*) FROM event_job WHERE done IS NULL AND failed IS NULL)";

    public static void awaitQuiet(TestNode... nodes) {
        int[] quietSweeps = {0};
        try {
            await("all queues drained", Duration.ofSeconds(30), () -> {
                boolean quiet = true;
                for (TestNode n : nodes) {
                    quiet &= n.count(PENDING_OUTBOUND) == 0
                            && n.count("SELECT count(*) FROM inbox_item WHERE processed IS NULL AND failed IS NULL") == 0;
                }
                quietSweeps[0] = quiet ? quietSweeps[0] + 1 : 0;
                return quietSweeps[0] >= 3;
            });
        } catch (AssertionError e) {
            StringBuilder stuck = new StringBuilder(e.getMessage());
            for (TestNode n : nodes) stuck.append("; ").append(n.publicUrl()).append(": ").append(n.pending());
            throw new AssertionError(stuck.toString(), e);
        }
    }

    /** What this node's queues still hold, to say why a wait for quiet timed out. */
    private String pending() {
        var dsl = node.services().db.dsl();
        return dsl.fetch("SELECT 'delivery' AS queue, inbox AS what, attempts, last_error FROM delivery WHERE delivered IS NULL AND failed IS NULL"
                + " UNION ALL SELECT 'event ' || consumer, event_id::text, attempts, last_error FROM event_job WHERE done IS NULL AND failed IS NULL"
                + " UNION ALL SELECT 'inbox', body->>'type', attempts, last_error FROM inbox_item WHERE processed IS NULL AND failed IS NULL"
                + " LIMIT 10").formatCSV(false).replace("\n", " | ");
    }

    /** GET on this node's loopback port. */
    public HttpResponse<String> get(String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        if (accept != null) b.header("Accept", accept);
        return send(b.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        node.close();
    }

    /** A port for a node to listen on, see {@link TestPorts}. */
    public static int freePort() {
        return TestPorts.free();
    }
}
