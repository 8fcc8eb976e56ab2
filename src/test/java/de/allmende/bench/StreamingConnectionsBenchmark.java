package de.allmende.bench;

import de.allmende.support.Secrets;
import de.allmende.testkit.TestNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Many open streaming connections on one node process, as the README runs it ({@link ServedNode}: {@code java -jar
 * target/allmende.jar serve}, its own JVM with its default tuning, embedded PostgreSQL): the serving JVM's RSS before
 * and after opening the WebSockets ({@code stream=user}), and whether a post then reaches every one of them.
 *
 * <p>The node's limits stay as shipped (16 streams per token, 200 per client address): the connections use 16 per
 * token (tokens written into the database as the OAuth flow stores them: SHA-256 of the secret, for a person who is an
 * editor of the municipality) and come from 127.0.0.1, 127.0.0.2, … with at most 200 per address.
 *
 * <pre>mvn -B -q package -DskipTests
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.StreamingConnectionsBenchmark -Dexec.args="2000"</pre>
 */
public final class StreamingConnectionsBenchmark {
    private static final int PER_TOKEN = 16;
    private static final int PER_ADDRESS = 200;

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path jar = Path.of(System.getProperty("bench.jar", "target/allmende.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Vertx vertx = Vertx.vertx();
        try (ServedNode node = ServedNode.start(jar, java, TestNode.freePort())) {
            node.cli("actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt");
            List<String> tokens = tokens(node.jdbcUrl(), (connections + PER_TOKEN - 1) / PER_TOKEN + 1);
            String writer = tokens.removeLast();
            long pid = node.jvmPid();
            // Warm-up: a few streams opened, one post delivered to them, closed again; then the node settles.
            List<WebSocket> warm = open(vertx, node.port, tokens.subList(0, 2), 2 * PER_TOKEN, new AtomicIntegerArray(2 * PER_TOKEN));
            post(node, writer, "Warm-up");
            Thread.sleep(2000);
            for (WebSocket w : warm) w.close().await();
            Thread.sleep(10_000);
            System.out.printf("serving JVM (pid %d): %s%n", pid, ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("?"));
            report("before (warmed up, idle 10 s)", node, pid);

            AtomicIntegerArray updates = new AtomicIntegerArray(connections);
            long t0 = System.nanoTime();
            List<WebSocket> sockets = open(vertx, node.port, tokens, connections, updates);
            System.out.printf("opened %d WebSockets (stream=user) in %.1f s over %d tokens and %d client addresses%n", sockets.size(),
                    (System.nanoTime() - t0) / 1e9, tokens.size(), (connections + PER_ADDRESS - 1) / PER_ADDRESS);
            Thread.sleep(10_000);
            report("with " + connections + " open, idle 10 s", node, pid);

            long sent = System.nanoTime();
            post(node, writer, "Hochwasserwarnung für die Altstadt");
            long deadline = sent + TimeUnit.SECONDS.toNanos(60);
            while (reached(updates) < connections && System.nanoTime() < deadline) Thread.sleep(5);
            System.out.printf("one post reached %d of %d streams (update frames) in %.0f ms after the 200%n", reached(updates), connections,
                    (System.nanoTime() - sent) / 1e6);
            Thread.sleep(5000);
            report("after the post reached them, 5 s later", node, pid);
            System.out.printf("streams still open: %d of %d; load average %.1f%n", sockets.stream().filter(w -> !w.isClosed()).count(),
                    connections, ProcMemory.loadAverage());
            for (WebSocket w : sockets) w.close();
        } finally {
            vertx.close().await();
        }
        System.exit(0);
    }

    private static int reached(AtomicIntegerArray updates) {
        int n = 0;
        for (int i = 0; i < updates.length(); i++) if (updates.get(i) > 0) n++;
        return n;
    }

    private static void report(String when, ServedNode node, long pid) {
        System.out.printf("%-40s node JVM RSS %6.1f MiB, heap used %6.1f MiB (load average %.1f)%n", when, ProcMemory.rssKib(pid) / 1024.0,
                node.heapUsedBytes() / 1048576.0, ProcMemory.loadAverage());
    }

    /** Opens {@code n} WebSockets, {@link #PER_TOKEN} per token, {@link #PER_ADDRESS} per client address, 50 at a time. */
    private static List<WebSocket> open(Vertx vertx, int port, List<String> tokens, int n, AtomicIntegerArray updates) {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int a = 0; a * PER_ADDRESS < n; a++) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress("127.0.0." + (a + 1))
                    .setMaxConnections(PER_ADDRESS).setConnectTimeout(30_000)));
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (int from = 0; from < n; from += 50) {
            List<Future<WebSocket>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 50); i++) {
                int index = i;
                WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/api/v1/streaming?stream=user").addHeader("Authorization", "Bearer " + tokens.get(i / PER_TOKEN));
                batch.add(clients.get(i / PER_ADDRESS).connect(o).onSuccess(ws -> ws.textMessageHandler(text -> {
                    if (text.contains("\"event\":\"update\"")) updates.incrementAndGet(index);
                })));
            }
            for (Future<WebSocket> f : batch) sockets.add(f.await());
        }
        return sockets;
    }

    /** The municipality posts through the client API (as an app does). */
    private static void post(ServedNode node, String token, String text) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + text + "\",\"visibility\":\"public\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("POST /api/v1/statuses answered " + r.statusCode() + " " + r.body());
    }

    /** An editor of musterstadt, an app, and {@code n} tokens of it with {@code read write}, stored as the OAuth flow stores them. */
    private static List<String> tokens(String jdbcUrl, int n) throws Exception {
        List<String> secrets = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO person (username, email) VALUES ('kaemmerin', 'kaemmerin@rathaus.example')");
            s.execute("INSERT INTO person_role (person_id, actor_id, role) SELECT p.id, a.id, 'editor' FROM person p, actor a"
                    + " WHERE p.username = 'kaemmerin' AND a.handle = 'musterstadt'");
            s.execute("INSERT INTO oauth_app (client_id, secret_hash, name, redirect_uris, scopes)"
                    + " VALUES ('bench', '\\x00', 'Benchmark', '{urn:ietf:wg:oauth:2.0:oob}', '{read,write}')");
            try (PreparedStatement t = c.prepareStatement("INSERT INTO oauth_token (token_hash, app_id, person_id, actor_id, scopes)"
                    + " SELECT ?, (SELECT id FROM oauth_app WHERE client_id = 'bench'), p.id, r.actor_id, '{read,write}'"
                    + " FROM person p JOIN person_role r ON r.person_id = p.id WHERE p.username = 'kaemmerin'")) {
                for (int i = 0; i < n; i++) {
                    String secret = "bench-token-" + i + "-" + Secrets.random("");
                    t.setBytes(1, Secrets.sha256(secret));
                    t.addBatch();
                    secrets.add(secret);
                }
                t.executeBatch();
            }
        }
        return secrets;
    }
}
