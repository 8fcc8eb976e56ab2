package de.allmende.bench;

import de.allmende.testkit.InteropPeer;

import java.net.URI;
import java.nio.file.Path;

/**
 * Fan-out of one post to N followers, each with its own inbox on one loopback receiver, measured for
 * our node and for the independent Fedify peer in the same run. Followers really follow (signed
 * Follow → Accept) on both sides, so both resolve and store them their own way.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.FanOutComparisonBenchmark -Dexec.args="1000"</pre>
 */
public final class FanOutComparisonBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double ours;
        try (BenchNode node = new BenchNode(); BenchRemote remote = new BenchRemote()) {
            var actor = node.node.services().actors.createMunicipality(de.allmende.testkit.Fixtures.musterstadt());
            URI target = node.node.services().iris.actor(actor.handle());
            URI inbox = URI.create(node.url() + "/inbox");
            Load.send(Load.prepare(n, i -> remote.signedFollow(i, target, inbox)), 32);
            Load.await(() -> count(remote, "Accept") >= n, 300_000);
            ours = time("allmende", n, remote, () -> node.node.services().notes.publish(actor, "<p>Fan-out</p>"));
        }
        try (BenchRemote remote = new BenchRemote(); InteropPeer peer = InteropPeer.start(Path.of("."))) {
            Load.send(Load.prepare(n, i -> remote.signedFollow(i, peer.actor(), peer.sharedInboxUri())), 32);
            Load.await(() -> count(remote, "Accept") >= n, 600_000);
            double theirs = time("fedify-peer", n, remote, () -> peer.post("<p>Fan-out</p>"));
            System.out.printf("ratio of times fedify-peer / allmende = %.2f (higher = allmende faster)%n", theirs / ours);
        }
        System.exit(0);
    }

    private static double time(String label, int n, BenchRemote remote, Runnable publish) throws Exception {
        int before = count(remote, "Create");
        long t0 = System.nanoTime();
        publish.run();
        Load.await(() -> count(remote, "Create") >= before + n, 600_000);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: one post to %d followers (one inbox each, one host) delivered in %.2f s (%.0f/s)%n", label, n, secs, n / secs);
        return secs;
    }

    private static int count(BenchRemote remote, String type) {
        var c = remote.followerInbox.get(type);
        return c == null ? 0 : c.get();
    }
}
