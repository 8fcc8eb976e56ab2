package de.allmende.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.allmende.config.DatabaseSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Remote followers without a remote server: small JDK HTTP servers on loopback whose inboxes record
 * every POST (inbox path and activity id) and answer what a {@link Script} says, after a delay (so a
 * fan-out is still in flight when a test wants it to be). Signatures are not checked — these tests
 * are about the sender's queue. The followers exist only as rows in the sender's database, inserted
 * directly so hundreds are set up in milliseconds.
 */
public final class FakeInboxes implements AutoCloseable {
    /** The answer to the {@code nth} POST (counting from 1) to an inbox path. */
    @FunctionalInterface
    public interface Script {
        int status(String path, int nth);
    }

    public record Post(String path, String activityId, int status) {}

    private final List<HttpServer> servers = new ArrayList<>();
    private final Duration delay;
    private final Script script;
    private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();

    private FakeInboxes(Duration delay, Script script) {
        this.delay = delay;
        this.script = script;
    }

    public static Script always(int status) {
        return (path, nth) -> status;
    }

    /** {@code hosts} servers (each its own host:port, as the sender counts hosts). */
    public static FakeInboxes start(int hosts, Duration delay, Script script) {
        FakeInboxes f = new FakeInboxes(delay, script);
        try {
            for (int i = 0; i < hosts; i++) {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
                s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                s.createContext("/", f::handle);
                s.start();
                f.servers.add(s);
            }
        } catch (IOException e) {
            f.close();
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x; InputStream in = x.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!"POST".equals(x.getRequestMethod())) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            String path = x.getRequestURI().getRawPath();
            int nth = perPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = script.status(path, nth);
            // Recorded on receipt: a receiver has the activity even if its answer never reaches the sender.
            posts.add(new Post(path, GoldenJson.JSON.readTree(body).path("id").asText(), status));
            sleep(delay);
            x.sendResponseHeaders(status, -1);
        }
    }

    /** Base URL of host {@code i}. */
    public String host(int i) {
        return "http://127.0.0.1:" + servers.get(i).getAddress().getPort();
    }

    public static String actorPath(String name) {
        return "/users/" + name;
    }

    /**
     * Makes {@code names} accepted followers of {@code followee} in the sender's database, spread
     * round-robin over the hosts, each with its own inbox and no shared inbox (one delivery row each).
     * Returns their inbox paths in order.
     */
    public List<String> addFollowers(DatabaseSettings db, URI followee, List<String> names) {
        List<String> inboxes = new ArrayList<>();
        List<URI> actors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            actors.add(URI.create(host(i % servers.size()) + actorPath(names.get(i))));
            inboxes.add(actorPath(names.get(i)) + "/inbox");
        }
        FollowerRows.insert(db, followee, actors);
        return inboxes;
    }

    /** {@code n} followers named {@code prefix0 … prefix(n-1)}. */
    public List<String> addFollowers(DatabaseSettings db, URI followee, String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) names.add(prefix + i);
        return addFollowers(db, followee, names);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** How often each inbox path received the activity. */
    public Map<String, Long> received(String activityId) {
        return posts.stream().filter(p -> p.activityId().equals(activityId))
                .collect(Collectors.groupingBy(Post::path, Collectors.counting()));
    }

    /** POSTs to one inbox path, whatever they carried. */
    public long postsTo(String path) {
        return posts.stream().filter(p -> p.path().equals(path)).count();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
