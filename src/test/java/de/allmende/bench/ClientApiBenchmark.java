package de.allmende.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.AppScenario;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.StreamingClient;
import de.allmende.testkit.StreamingClient.Event;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 10's client API figures, over real HTTP with a token got through the real login pages ({@link AppScenario}):
 *
 * <ul>
 * <li>{@code timeline}: GET /api/v1/timelines/home for a municipality following 1,000 remote accounts, with
 * 1,000,000 posts in the database ({@link TimelineRows}); the first page and pages deeper down (max_id), one request
 * at a time, p50/p95/p99 after a warm-up. The query's plan (EXPLAIN ANALYZE) is printed too.</li>
 * <li>{@code latency}: a peer the municipality follows alternately posts a note and likes one of the municipality's
 * posts, each signed to the shared inbox, one after the other; a WebSocket on {@code stream=user} measures from the
 * 202 to the {@code update} and the {@code notification} frame.</li>
 * </ul>
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.ClientApiBenchmark -Dexec.args="timeline 1000000 1000 500"
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.ClientApiBenchmark -Dexec.args="latency 200"</pre>
 * The node runs in this JVM on the test database (embedded PostgreSQL, fsync off): both are reads or
 * notifications, not durable writes.
 */
public final class ClientApiBenchmark {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "timeline";
        try (AppScenario s = AppScenario.start()) {
            if (mode.equals("timeline")) {
                timeline(s, arg(args, 1, 1_000_000), arg(args, 2, 1_000), arg(args, 3, 500));
            } else {
                latency(s, arg(args, 1, 200));
            }
        }
        System.exit(0);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static void timeline(AppScenario s, int posts, int follows, int requests) throws Exception {
        long t0 = System.nanoTime();
        TimelineRows.fill(s.node, "musterstadt", posts, follows);
        System.out.printf("filled %,d posts, %,d follows in %.1f s; home has %,d posts by followed accounts%n", s.node.count("SELECT count(*) FROM post"),
                follows, (System.nanoTime() - t0) / 1e9, TimelineRows.followedPosts(s.node, "musterstadt"));
        ClientApi app = s.app;
        // Deeper pages: max_id at 1 %, 10 % and 50 % of the way down the home timeline.
        List<String> maxIds = TimelineRows.depths(s.node, "musterstadt", List.of(0.01, 0.1, 0.5));
        List<String> paths = new ArrayList<>(List.of("/api/v1/timelines/home"));
        maxIds.forEach(id -> paths.add("/api/v1/timelines/home?max_id=" + id));
        paths.add("/api/v1/timelines/home"); // the first page again, after the others: how much was warm-up
        for (int i = 0; i < 400; i++) check(app.get(paths.get(i % paths.size())));
        java.nio.file.Path pgData = java.nio.file.Path.of(TimelineRows.dataDirectory(s.node));
        Map<String, long[]> tables = TimelineRows.tableReads(s.node);
        for (String path : paths) {
            List<Long> micros = new ArrayList<>();
            double jvm0 = CpuTime.ofProcess(ProcessHandle.current().pid()), pg0 = CpuTime.ofPostgres(pgData);
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                check(app.get(path));
                micros.add((System.nanoTime() - start) / 1000);
            }
            Percentiles.print(path, micros);
            // CPU per request changes little with the other load on the machine, unlike the latencies.
            System.out.printf("  CPU per request: this JVM (node and client) %.1f ms, PostgreSQL %.1f ms%n",
                    1000 * (CpuTime.ofProcess(ProcessHandle.current().pid()) - jvm0) / requests, 1000 * (CpuTime.ofPostgres(pgData) - pg0) / requests);
        }
        // Where PostgreSQL's time goes: rows read per request, by table, over all the requests above.
        Map<String, long[]> after = TimelineRows.tableReads(s.node);
        after.forEach((table, reads) -> {
            long[] before = tables.getOrDefault(table, new long[3]);
            double n = requests * paths.size();
            if (reads[1] - before[1] + reads[2] - before[2] > n) System.out.printf("  %-28s seq scans %.2f, rows read by seq scan %.0f, by index %.0f per request%n",
                    table, (reads[0] - before[0]) / n, (reads[1] - before[1]) / n, (reads[2] - before[2]) / n);
        });
        for (String plan : TimelineRows.explainHome(s.node, "musterstadt")) System.out.println("  " + plan);
        for (String plan : TimelineRows.explainAuthorCounts(s.node, "musterstadt")) System.out.println("  " + plan);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().startsWith("[{")) throw new IllegalStateException("home answered " + r.statusCode() + " " + r.body());
    }

    private static void latency(AppScenario s, int events) throws Exception {
        FakeRemote.Actor anna = s.anna;
        follow(s, anna);
        int warmUp = events / 10;
        // A like per post: a second like of one post by the same peer is no new notification.
        List<URI> posts = new ArrayList<>();
        for (int i = 0; i < (events + warmUp) / 2 + 1; i++) {
            posts.add(s.node.node().services().notes.publish(s.node.actor("musterstadt"), "<p>Sperrmüll am Montag " + i + "</p>"));
        }
        try (StreamingClient clients = new StreamingClient()) {
            StreamingClient.Socket ws = clients.socket(s.node, "stream=user", Map.of("Authorization", "Bearer " + s.app.token()));
            List<Long> updates = new ArrayList<>();
            List<Long> notifications = new ArrayList<>();
            List<Long> updatesFromPost = new ArrayList<>();
            List<Long> notificationsFromPost = new ArrayList<>();
            for (int i = 0; i < events + warmUp; i++) {
                boolean like = i % 2 == 1;
                ObjectNode activity;
                if (like) {
                    activity = s.remote.activity(anna, "Like");
                    activity.put("object", posts.get(i / 2).toString());
                } else {
                    ObjectNode note = s.remote.note(anna, "<p>Meldung " + i + "</p>");
                    note.putArray("to").add(AppScenario.PUBLIC);
                    activity = s.remote.create(anna, note);
                }
                var request = s.remote.post(URI.create(s.node.url() + "/inbox"), activity);
                long sent = System.nanoTime();
                var answer = request.send();
                long accepted = System.nanoTime();
                if (answer.status() != 202) throw new IllegalStateException("inbox answered " + answer);
                String expected = like ? "notification" : "update";
                Event e;
                do e = ws.next(Duration.ofSeconds(10));
                while (e != null && !e.event().equals(expected));
                long arrived = System.nanoTime();
                if (e == null) throw new IllegalStateException("no " + expected + " frame within 10 s (event " + i + ")");
                if (i < warmUp) continue;
                (like ? notifications : updates).add((arrived - accepted) / 1000);
                (like ? notificationsFromPost : updatesFromPost).add((arrived - sent) / 1000);
                // Not faster than the node processes: the next activity goes once this one is fully handled.
                Thread.sleep(20);
            }
            Percentiles.print("202 -> update frame (peer's note)", updates);
            Percentiles.print("202 -> notification frame (peer's like)", notifications);
            Percentiles.print("POST sent -> update frame", updatesFromPost);
            Percentiles.print("POST sent -> notification frame", notificationsFromPost);
        }
    }

    /** Musterstadt follows the peer, and the peer accepts. */
    private static void follow(AppScenario s, FakeRemote.Actor peer) {
        URI follow = s.node.node().services().follows.follow(s.node.actor("musterstadt"), peer.id());
        ObjectNode accept = s.remote.activity(peer, "Accept");
        accept.putObject("object").put("id", follow.toString()).put("type", "Follow")
                .put("actor", s.node.actorIri("musterstadt").toString()).put("object", peer.id().toString());
        s.deliver(accept);
        TestNode.await("the follow is accepted", () -> s.node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") >= 1);
    }
}
