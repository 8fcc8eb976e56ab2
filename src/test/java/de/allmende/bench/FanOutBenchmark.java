package de.allmende.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out: one post to 1,000 distinct inboxes (50 loopback receivers × 20 inboxes, each a separate
 * follower without a shared inbox), measured from publishing until every receiver has the activity.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.FanOutBenchmark -Dexec.args="1000 50"</pre>
 */
public final class FanOutBenchmark {
    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        AtomicInteger received = new AtomicInteger();
        List<HttpServer> receivers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                received.incrementAndGet();
                ex.sendResponseHeaders(202, -1);
                ex.close();
            });
            s.start();
            receivers.add(s);
        }
        try (BenchNode node = new BenchNode()) {
            var actor = node.node.services().actors.createMunicipality(de.allmende.testkit.Fixtures.musterstadt());
            String followee = node.node.services().iris.actor(actor.handle()).toString();
            StringBuilder actors = new StringBuilder("INSERT INTO remote_actor (iri, host, type, inbox, raw) VALUES ");
            StringBuilder follows = new StringBuilder("INSERT INTO follow (follower, followee, activity_iri, state) VALUES ");
            for (int i = 0; i < followers; i++) {
                int port = receivers.get(i % hosts).getAddress().getPort();
                String iri = "http://127.0.0.1:" + port + "/users/u" + i;
                actors.append(i == 0 ? "" : ",").append("('").append(iri).append("','127.0.0.1:").append(port)
                        .append("','Person','").append(iri).append("/inbox','{}')");
                follows.append(i == 0 ? "" : ",").append("('").append(iri).append("','").append(followee).append("','")
                        .append(iri).append("#follow','accepted')");
            }
            node.execute(actors.toString());
            node.execute(follows.toString());
            var outbox = node.node.services().federation.outbox;
            outbox.publishNote(actor, "<p>warm-up</p>");
            Load.await(() -> received.get() >= followers, 120_000);
            for (int round = 1; round <= 3; round++) {
                received.set(0);
                long t0 = System.nanoTime();
                outbox.publishNote(actor, "<p>Einladung zur Bürgerwerkstatt, Runde " + round + "</p>");
                Load.await(() -> received.get() >= followers, 120_000);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: one post to %d inboxes on %d hosts delivered in %.2f s (%.0f deliveries/s)%n",
                        round, followers, hosts, secs, followers / secs);
            }
            System.out.printf("delivery rows delivered: %d of %d%n", node.count("SELECT count(*) FROM delivery WHERE delivered IS NOT NULL"),
                    node.count("SELECT count(*) FROM delivery"));
        } finally {
            receivers.forEach(s -> s.stop(0));
        }
        System.exit(0);
    }
}
