package de.allmende.bench;

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
        try (FollowerFarm farm = new FollowerFarm(followers, hosts); BenchNode node = new BenchNode()) {
            var actor = node.node.services().actors.createMunicipality(de.allmende.testkit.Fixtures.musterstadt());
            farm.follow(node, node.node.services().iris.actor(actor.handle()).toString());
            var services = node.node.services();
            services.notes.publish(actor, "<p>warm-up</p>");
            farm.awaitAll();
            for (int round = 1; round <= 3; round++) {
                farm.reset();
                long t0 = System.nanoTime();
                services.notes.publish(actor, "<p>Einladung zur Bürgerwerkstatt, Runde " + round + "</p>");
                farm.awaitAll();
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: one post to %d inboxes on %d hosts delivered in %.2f s (%.0f deliveries/s)%n",
                        round, followers, hosts, secs, followers / secs);
            }
            System.out.printf("delivery rows delivered: %d of %d%n", node.count("SELECT count(*) FROM delivery WHERE delivered IS NOT NULL"),
                    node.count("SELECT count(*) FROM delivery"));
        }
        System.exit(0);
    }
}
