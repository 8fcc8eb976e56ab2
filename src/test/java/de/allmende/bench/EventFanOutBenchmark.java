package de.allmende.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.domain.Scope;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Publishing one event to 1,000 followers end to end: a staff API request over HTTP (bearer token),
 * validation, Markdown rendering, the signed
 * Event (FEP-8b32), one transaction with the Create and its "published" event, then the fan-out consumer's
 * 1,000 delivery rows and signed POSTs to 1,000 distinct inboxes on 50 loopback hosts — timed from the
 * request until the last follower has it.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.EventFanOutBenchmark -Dexec.args="1000 50 10"</pre>
 */
public final class EventFanOutBenchmark {
    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10; // the first ones warm up the JIT
        try (FollowerFarm farm = new FollowerFarm(followers, hosts); BenchNode node = new BenchNode()) {
            var services = node.node.services();
            var actor = services.actors.createMunicipality(Fixtures.musterstadt());
            farm.follow(node, services.iris.actor(actor.handle()).toString());
            var project = services.content.create(actor, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
            String token = services.tokens.issue(actor.handle(), Set.of(Scope.WRITE_CONTENT), "benchmark").secret();
            HttpClient http = HttpClient.newHttpClient();
            farm.awaitAll(); // the project (warm-up)
            for (int round = 1; round <= rounds; round++) {
                farm.reset();
                ObjectNode event = ContentFixtures.werkstatt(project.iri());
                event.putObject("title").put("de", "Werkstatt Bürgerhaushalt, Termin " + round);
                HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/api/allmende/v1/events"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
                long t0 = System.nanoTime();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                long committed = System.nanoTime();
                if (status != 201) throw new IllegalStateException("staff API answered " + status);
                farm.awaitAll();
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: event published (201 after %.0f ms) and delivered to %d inboxes on %d hosts in %.2f s%n",
                        round, (committed - t0) / 1e6, followers, hosts, secs);
            }
        }
        System.exit(0);
    }
}
