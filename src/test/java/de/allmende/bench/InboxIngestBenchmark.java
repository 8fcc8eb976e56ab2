package de.allmende.bench;

import de.allmende.testkit.InteropPeer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Inbox ingest: signed Create(Note) activities accepted (202) and fully processed (stored) per second,
 * over real HTTP, against our node and — in the same run — against the independent Fedify peer.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.InboxIngestBenchmark -Dexec.args="8000"</pre>
 */
public final class InboxIngestBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        double ours;
        try (BenchNode node = new BenchNode(); BenchRemote remote = new BenchRemote()) {
            URI inbox = URI.create(node.url() + "/inbox");
            run("warm-up", node, remote, inbox, 1000, concurrency, 0);
            ours = run("allmende", node, remote, inbox, n, concurrency, 1000);
        }
        try (BenchRemote remote = new BenchRemote(); InteropPeer peer = InteropPeer.start(Path.of("."))) {
            URI inbox = peer.sharedInboxUri();
            List<HttpRequest> warm = Load.prepare(200, i -> remote.signedPost(inbox, remote.createNote(i)));
            Load.send(warm, concurrency);
            Load.await(() -> peer.inbox().size() >= 200, 120_000);
            peer.reset();
            List<HttpRequest> requests = Load.prepare(n, i -> remote.signedPost(inbox, remote.createNote(i)));
            long t0 = System.nanoTime();
            Map<Integer, Integer> statuses = Load.send(requests, concurrency);
            Load.await(() -> peer.inbox().size() >= n, 600_000);
            double secs = (System.nanoTime() - t0) / 1e9;
            double theirs = n / secs;
            System.out.printf("fedify-peer: %d activities accepted and recorded in %.2f s = %.0f/s; statuses %s%n", n, secs, theirs, statuses);
            System.out.printf("ratio allmende / fedify-peer = %.2f%n", ours / theirs);
        }
        System.exit(0);
    }

    private static double run(String label, BenchNode node, BenchRemote remote, URI inbox, int n, int concurrency, long before)
            throws Exception {
        List<HttpRequest> requests = Load.prepare(n, i -> remote.signedPost(inbox, remote.createNote(i)));
        // -Dbench.jfr=/tmp/x.jfr records a profile of the timed part only (for finding the next bottleneck).
        jdk.jfr.Recording recording = null;
        if (System.getProperty("bench.jfr") != null && before > 0) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        long t0 = System.nanoTime();
        Map<Integer, Integer> statuses = Load.send(requests, concurrency);
        double accepted = (System.nanoTime() - t0) / 1e9;
        Load.await(() -> {
            try {
                return node.count("SELECT count(*) FROM inbox_item WHERE processed IS NOT NULL") >= before + n;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 600_000);
        double processed = (System.nanoTime() - t0) / 1e9;
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(System.getProperty("bench.jfr")));
        }
        long stored = node.count("SELECT count(*) FROM ap_object");
        System.out.printf("%s: %d signed Create(Note): all 202 after %.2f s (%.0f/s), all processed after %.2f s (%.0f/s); "
                + "objects stored %d; statuses %s%n", label, n, accepted, n / accepted, processed, n / processed, stored, statuses);
        return n / processed;
    }
}
