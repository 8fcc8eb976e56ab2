package de.allmende.bench;

import de.allmende.testkit.InteropPeer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Inbox ingest: signed Create(Note) activities accepted (202) and fully processed (stored) per second,
 * over real HTTP, against our node and — in the same run, with the same load generator — against the
 * independent Fedify peer.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.InboxIngestBenchmark -Dexec.args="20000 64"</pre>
 *
 * <p>Requests are signed before the clock starts. They are sent by wrk (a separate C process, see
 * {@link WrkReplay}) when it is installed, else by the JDK HttpClient in this JVM; {@code -Dbench.client=jdk}
 * forces the latter. A warm-up of 20,000 activities runs first ({@code -Dbench.warmup=N}).
 * {@code -Dbench.peer=false} skips the peer; {@code -Dbench.jfr=/tmp/x.jfr} records a profile of the timed part.
 */
public final class InboxIngestBenchmark {
    /** Activities sent before the timed part, so the JIT has compiled the hot paths (-Dbench.warmup=N). */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20_000);
    private static final boolean WRK = !"jdk".equals(System.getProperty("bench.client")) && WrkReplay.available();

    /**
     * When sending started, how long until every request was answered, the answers' statuses, and the CPU
     * time of the load generator when it ran as a process of its own (NaN when it ran in this JVM).
     */
    private record Sent(long startNanos, double acceptedSeconds, Map<Integer, Integer> statuses, double loadCpuSeconds) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        System.out.printf("load generator: %s, %d connections; warm-up %d%n",
                WRK ? "wrk (separate process, one thread)" : "JDK HttpClient in this JVM", concurrency, WARM_UP);
        double ours;
        try (BenchNode node = new BenchNode(); BenchRemote remote = new BenchRemote()) {
            URI inbox = URI.create(node.url() + "/inbox");
            run("warm-up", node, remote, inbox, WARM_UP, concurrency, 0);
            ours = run("allmende", node, remote, inbox, n, concurrency, WARM_UP);
        }
        if (!"false".equals(System.getProperty("bench.peer"))) {
            try (BenchRemote remote = new BenchRemote(); InteropPeer peer = InteropPeer.start(Path.of("."))) {
                URI inbox = peer.sharedInboxUri();
                prepare(remote, inbox, 200, concurrency).send();
                Load.await(() -> peer.inboxCount() >= 200, 120_000);
                peer.reset();
                Sent sent = prepare(remote, inbox, n, concurrency).send();
                Load.await(() -> peer.inboxCount() >= n, 600_000);
                double secs = (System.nanoTime() - sent.startNanos()) / 1e9;
                double theirs = n / secs;
                System.out.printf("fedify-peer: %d activities accepted and recorded in %.2f s = %.0f/s; statuses %s%n", n, secs, theirs,
                        sent.statuses());
                System.out.printf("ratio allmende / fedify-peer = %.2f%n", ours / theirs);
            }
        }
        System.exit(0);
    }

    private static double run(String label, BenchNode node, BenchRemote remote, URI inbox, int n, int concurrency, long before)
            throws Exception {
        Sender sender = prepare(remote, inbox, n, concurrency);
        jdk.jfr.Recording recording = null;
        if (System.getProperty("bench.jfr") != null && before > 0) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2)); // more samples than "profile"'s 10 ms
            recording.start();
        }
        double jvmCpu = CpuTime.ofProcess(ProcessHandle.current().pid());
        double pgCpu = CpuTime.ofPostgres(node.pgData);
        Sent sent = sender.send();
        // Every request was answered, so every accepted row is committed: wait until none is left to apply.
        // The partial index on due items keeps this poll cheap; a count(*) over the table every 5 ms took
        // a good part of a core from the node it measures.
        Load.await(() -> {
            try {
                return node.count("SELECT count(*) FROM (SELECT 1 FROM inbox_item WHERE processed IS NULL AND failed IS NULL LIMIT 1) d")
                        == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 600_000);
        double processed = (System.nanoTime() - sent.startNanos()) / 1e9;
        long applied = node.count("SELECT count(*) FROM inbox_item WHERE processed IS NOT NULL");
        if (applied != before + n) throw new IllegalStateException("only " + applied + " of " + (before + n) + " activities applied");
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(System.getProperty("bench.jfr")));
        }
        jvmCpu = CpuTime.ofProcess(ProcessHandle.current().pid()) - jvmCpu;
        pgCpu = CpuTime.ofPostgres(node.pgData) - pgCpu;
        long stored = node.count("SELECT count(*) FROM ap_object");
        System.out.printf("%s: %d signed Create(Note): all 202 after %.2f s (%.0f/s), all processed after %.2f s (%.0f/s); "
                + "objects stored %d; statuses %s%n", label, n, sent.acceptedSeconds(), n / sent.acceptedSeconds(), processed,
                n / processed, stored, sent.statuses());
        double perActivity = (jvmCpu + pgCpu + (Double.isNaN(sent.loadCpuSeconds()) ? 0 : sent.loadCpuSeconds())) / n;
        System.out.printf("%s: CPU used: node JVM %.1f s%s, PostgreSQL %.1f s, load generator %s = %.2f ms per activity%n", label,
                jvmCpu, Double.isNaN(sent.loadCpuSeconds()) ? " (load generator included)" : "", pgCpu,
                Double.isNaN(sent.loadCpuSeconds()) ? "in the JVM" : String.format("%.1f s", sent.loadCpuSeconds()), perActivity * 1000);
        return n / processed;
    }

    /** Requests signed and ready; {@link #send()} starts the clock with the first request. */
    @FunctionalInterface
    private interface Sender {
        Sent send() throws Exception;
    }

    /** Signs {@code n} fresh Create(Note) now (untimed) and returns what sends them all. */
    private static Sender prepare(BenchRemote remote, URI inbox, int n, int concurrency) {
        if (WRK) {
            List<byte[]> requests = Load.prepare(n, i -> remote.rawSignedPost(inbox, remote.createNote(i)));
            return () -> {
                WrkReplay.Result r = WrkReplay.send(inbox.resolve("/"), requests, concurrency);
                return new Sent(r.startNanos(), r.acceptedSeconds(), r.statuses(), r.cpuSeconds());
            };
        }
        List<HttpRequest> requests = Load.prepare(n, i -> remote.signedPost(inbox, remote.createNote(i)));
        return () -> {
            long t0 = System.nanoTime();
            Map<Integer, Integer> statuses = Load.send(requests, concurrency);
            return new Sent(t0, (System.nanoTime() - t0) / 1e9, statuses, Double.NaN);
        };
    }
}
