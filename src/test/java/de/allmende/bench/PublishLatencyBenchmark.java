package de.allmende.bench;

import de.allmende.testkit.FollowerRows;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.MunicipalityInput;
import de.allmende.domain.Scope;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Does publishing slow down with followers? Two municipalities, one with 10 followers and one with 10,000
 * (distinct inboxes, no shared inboxes), each create a project through the staff API (bearer token, over HTTP)
 * in turn; the latency of each {@code 201} is recorded, and p50/p95/max per municipality are printed.
 *
 * <p>The followers live on a blocked domain, and after each request the benchmark waits until the fan-out has
 * written the post's delivery rows (printing how long after the 201 that took), then deletes them: 10,000 signed
 * POSTs per post would measure the machine's CPU, not the request, and every request should meet a quiet node.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.PublishLatencyBenchmark -Dexec.args="10 10000 80"</pre>
 * arguments: small audience, large audience, requests per municipality (the first quarter warms up and is not counted)
 */
public final class PublishLatencyBenchmark {
    private static final String PENDING_JOBS = "SELECT count(*) FROM event_job WHERE done IS NULL AND failed IS NULL";

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        int warmUp = requests / 4;
        try (BenchNode node = new BenchNode()) {
            var services = node.node.services();
            services.moderation.blockDomain("followers.example");
            Audience few = audience(node, Fixtures.musterstadt(), small);
            Audience many = audience(node, Fixtures.beispieldorf(), large);
            HttpClient http = HttpClient.newHttpClient();
            // (the same benchmark also measures the code from before the event log, which wrote the rows in the request)
            boolean eventLog = count(node, "SELECT count(*) FROM pg_class WHERE relname = 'event_job'") > 0;
            List<Long> fewMicros = new ArrayList<>();
            List<Long> manyMicros = new ArrayList<>();
            List<Long> fewFanOut = new ArrayList<>();
            List<Long> manyFanOut = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                for (Audience a : List.of(few, many)) {
                    long t0 = System.nanoTime();
                    int status = http.send(create(node, a, i), HttpResponse.BodyHandlers.discarding()).statusCode();
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (status != 201) throw new IllegalStateException("staff API answered " + status);
                    Load.await(() -> count(node, "SELECT count(*) FROM delivery") >= a.followers(), 120_000);
                    long fannedOut = (System.nanoTime() - t0) / 1000;
                    if (eventLog) Load.await(() -> count(node, PENDING_JOBS) == 0, 120_000);
                    // Rows the delivery worker holds are skipped, not waited for (waiting could deadlock with its batches).
                    do node.execute("DELETE FROM delivery WHERE id IN (SELECT id FROM delivery FOR UPDATE SKIP LOCKED)");
                    while (count(node, "SELECT count(*) FROM delivery") > 0);
                    if (i >= warmUp) (a == few ? fewMicros : manyMicros).add(micros);
                    if (i >= warmUp) (a == few ? fewFanOut : manyFanOut).add(fannedOut);
                }
            }
            print(small, "staff create (201)", fewMicros);
            print(large, "staff create (201)", manyMicros);
            print(small, "all delivery rows written", fewFanOut);
            print(large, "all delivery rows written", manyFanOut);
        }
        System.exit(0);
    }

    private record Audience(LocalActor actor, String token, int followers) {}

    private static Audience audience(BenchNode node, MunicipalityInput input, int followers) throws Exception {
        var services = node.node.services();
        LocalActor actor = services.actors.createMunicipality(input);
        String followee = services.iris.actor(actor.handle()).toString();
        // In batches of 1,000 rows per statement; host names keep the inboxes distinct per municipality.
        for (int from = 0; from < followers; from += 1000) {
            StringBuilder actors = new StringBuilder("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES ");
            StringBuilder follows = new StringBuilder();
            for (int i = from; i < Math.min(followers, from + 1000); i++) {
                String host = "h" + (i % 50) + "." + actor.handle() + ".followers.example";
                String iri = "https://" + host + "/users/u" + i;
                String sep = i == from ? "" : ",";
                actors.append(sep).append("('").append(iri).append("','").append(host).append("','Person','").append(iri).append("/inbox','{}')");
                follows.append(sep).append(FollowerRows.row(iri, followee, iri + "#follow"));
            }
            node.execute(actors.toString());
            node.execute(FollowerRows.acceptedFollows(follows.toString()));
        }
        String token = services.tokens.issue(actor.handle(), Set.of(Scope.WRITE_CONTENT), "benchmark").secret();
        return new Audience(actor, token, followers);
    }

    private static HttpRequest create(BenchNode node, Audience a, int i) {
        ObjectNode project = ContentFixtures.offenerHaushalt();
        project.putObject("title").put("de", "Offener Haushalt " + i).put("en", "Open Budget " + i);
        return HttpRequest.newBuilder(URI.create(node.url() + "/api/allmende/v1/projects"))
                .header("Authorization", "Bearer " + a.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(project.toString())).build();
    }

    private static long count(BenchNode node, String sql) {
        try {
            return node.count(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(int followers, String what, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%,6d followers, %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", followers, what,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0,
                Arrays.stream(sorted).max().orElse(0) / 1000.0, sorted.length);
    }
}
