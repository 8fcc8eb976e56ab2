package de.allmende.bench;

import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.TestNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Soak: the node as the README runs it ({@code java -jar target/allmende.jar serve}, a process of its
 * own on its embedded PostgreSQL) takes new signed Create(Note) activities at a fixed rate for a long time,
 * with some reads mixed in; every 10 s one line shows rates, backlog, errors and memory. Passes when there
 * was no error, memory stayed flat after the warm-up and the queue drained at the end.
 *
 * <pre>mvn -B -q package -DskipTests
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.SoakBenchmark -Dexec.args="30 1200"</pre>
 *
 * <p>Arguments: minutes (30) and inbox POSTs per second (1200). Properties: {@code soak.readShare} (0.1: one
 * read for every ten writes, in turn actor JSON, WebFinger, HTML profile, outbox), {@code soak.concurrency}
 * (64 requests in flight at most), {@code soak.lateMs} (50), {@code soak.actors} (5 signing remote actors),
 * {@code soak.warmupMinutes} (5, at most a third of the run), {@code soak.java} (the JDK's java running this),
 * {@code soak.jar} (target/allmende.jar), {@code soak.keep} (keep the data folder).
 */
public final class SoakBenchmark {
    private static final int SAMPLE_SECONDS = 10;
    private static final double SLOPE_WINDOW_MINUTES = 20;

    /*
     * The load generator drops idle connections after 5 s, before the node's 10 s header timeout closes them:
     * otherwise a POST may go out on a connection the node is just closing and fail without an answer (the
     * JDK's default is 30 s). Read once by the JDK HTTP client, so set before any client exists.
     */
    static {
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 1200;
        Path jar = Path.of(System.getProperty("soak.jar", "target/allmende.jar"));
        if (!Files.isRegularFile(jar)) {
            System.out.println(jar + " is missing: build it first with  mvn -B -q package -DskipTests");
            System.exit(2);
        }
        // The node is not in this JVM, so nothing else has registered Tink's key types for the remote actors' keys.
        com.google.crypto.tink.signature.SignatureConfig.register();
        String java = System.getProperty("soak.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        double warmupMinutes = Math.min(Double.parseDouble(System.getProperty("soak.warmupMinutes", "5")), minutes / 3);
        boolean passed;
        try (FakeRemote remote = FakeRemote.start(); ServedNode node = ServedNode.start(jar, java, TestNode.freePort())) {
            node.cli("actor", "create", "--handle", "soak", "--name", "Gemeinde Soak");
            SoakTraffic traffic = new SoakTraffic(remote, Integer.getInteger("soak.actors", 5), node.url(), "soak");
            try (InboxProgress inbox = new InboxProgress(node.jdbcUrl());
                 OpenLoopLoad load = new OpenLoopLoad(node.url(), traffic, rate, Double.parseDouble(System.getProperty("soak.readShare", "0.1")),
                         Integer.getInteger("soak.concurrency", 64), Long.getLong("soak.lateMs", 50))) {
                long jvm = node.jvmPid();
                System.out.printf("node: %s (jar %s, built %s)%n      serving JVM pid %d: %s%n      PostgreSQL: %d processes, %s; log %s%n",
                        node.command(), jar, Files.getLastModifiedTime(jar), jvm,
                        ProcessHandle.of(jvm).flatMap(p -> p.info().commandLine()).orElse("?"), node.postgresPids().size(),
                        inbox.durability(), node.log);
                System.out.printf("load: %.0f inbox POSTs/s (Create(Note), RFC 9421 ed25519, signed when sent) + reads, %.0f requests/s "
                        + "in all, for %.1f min; warm-up %.1f min%n%s%n", rate, load.totalRate(), minutes, warmupMinutes, SoakSample.HEADER);
                passed = soak(node, inbox, load, minutes, warmupMinutes, jvm);
            }
        }
        System.exit(passed ? 0 : 1);
    }

    private static boolean soak(ServedNode node, InboxProgress inbox, OpenLoopLoad load, double minutes, double warmupMinutes, long jvm)
            throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        long[] logErrors = {0};
        long start = System.nanoTime();
        Thread sender = Thread.ofPlatform().name("soak-scheduler").start(() -> {
            try {
                load.run(minutes * 60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        samples.add(sample(node, inbox, load, jvm, start, logErrors));
        while (sender.isAlive()) {
            sender.join(nextSampleMillis(start));
            if (sender.isAlive()) {
                SoakSample s = sample(node, inbox, load, jvm, start, logErrors);
                System.out.println(s.line(samples.getLast()));
                samples.add(s);
                if (!node.alive()) throw new IllegalStateException("the node exited; see " + node.log);
            }
        }
        SoakSample endOfLoad = sample(node, inbox, load, jvm, start, logErrors);
        System.out.println(endOfLoad.line(samples.getLast()) + "   (end of load)");
        long drainStart = System.nanoTime();
        InboxProgress.Counts now = endOfLoad.inbox();
        while (now.backlog() > 0 && System.nanoTime() - drainStart < 600e9) {
            Thread.sleep(1000);
            now = inbox.sample();
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        logErrors[0] += node.newErrorLines();
        InboxProgress.Counts full = inbox.full();

        List<SoakSample> afterWarmup = samples.stream().filter(s -> s.seconds() >= warmupMinutes * 60).toList();
        double windowStart = Math.max(warmupMinutes, minutes - SLOPE_WINDOW_MINUTES) * 60;
        List<SoakSample> window = samples.stream().filter(s -> s.seconds() >= windowStart).toList();
        long errors = load.badStatus.sum() + load.connectionErrors.sum() + logErrors[0];
        MemoryTrend jvmTrend = MemoryTrend.of(window, SoakSample::jvmRssKib);
        MemoryTrend pgTrend = MemoryTrend.of(window, SoakSample::pgPssKib);
        boolean drained = full.backlog() == 0;

        System.out.println("\n== summary ==");
        System.out.printf("sent: %d inbox POSTs (%d answered 202), %d reads (%d answered 200); late %d (>%s ms), not sent %d%n",
                load.writesSent.sum(), load.accepted.sum(), load.readsSent.sum(), load.readsOk.sum(), load.late.sum(),
                System.getProperty("soak.lateMs", "50"), load.notSent.get());
        System.out.printf("errors: %d = %d unexpected statuses %s + %d connection errors %s + %d ERROR lines in the node's log %s%n", errors,
                load.badStatus.sum(), load.badStatuses, load.connectionErrors.sum(), load.connectionErrorKinds, logErrors[0], node.firstErrors());
        System.out.printf("429 answers sent again after their Retry-After, as peers' delivery queues do (not errors): %d%n", load.retried429.sum());
        if (!afterWarmup.isEmpty()) {
            SoakSample a = afterWarmup.getFirst();
            double dt = endOfLoad.seconds() - a.seconds();
            System.out.printf("after warm-up (%.1f min): %.0f POSTs/s sent, %.0f/s accepted, %.0f/s processed%n", warmupMinutes,
                    (endOfLoad.writesSent() - a.writesSent()) / dt, (endOfLoad.accepted() - a.accepted()) / dt,
                    (endOfLoad.inbox().processed() - a.inbox().processed()) / dt);
            System.out.printf("JVM RSS after warm-up: %s%n", MemoryTrend.of(afterWarmup, SoakSample::jvmRssKib).describe());
            System.out.printf("PostgreSQL PSS after warm-up: %s%n", MemoryTrend.of(afterWarmup, SoakSample::pgPssKib).describe());
        }
        System.out.printf("trend over the last %.1f min: JVM RSS %s%n", (minutes * 60 - windowStart) / 60, jvmTrend.describe());
        System.out.printf("                          PostgreSQL PSS %s%n", pgTrend.describe());
        System.out.printf("PostgreSQL RSS summed over its processes at the end (shared buffers counted per process): %.1f MiB in %d processes%n",
                endOfLoad.pgRssKib() / 1024.0, endOfLoad.pgProcesses());
        System.out.printf("backlog: %d at the end of the load, %d after %.1f s of draining; inbox rows: %d stored, %d processed, %d failed "
                + "(running tally: %d stored, %d processed)%n", endOfLoad.inbox().backlog(), full.backlog(), drainSeconds, full.stored(),
                full.processed(), full.failed(), now.stored(), now.processed());
        SoakSample first = samples.getFirst();
        double perPost = 1000.0 / endOfLoad.writesSent();
        System.out.printf("CPU per inbox POST (the reads' share included): node JVM %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms%n",
                (endOfLoad.cpuNode() - first.cpuNode()) * perPost, (endOfLoad.cpuPostgres() - first.cpuPostgres()) * perPost,
                (endOfLoad.cpuLoad() - first.cpuLoad()) * perPost);
        double meanLoad = samples.stream().mapToDouble(SoakSample::loadAverage).average().orElse(Double.NaN);
        System.out.printf("machine: mean 1-minute load average %.1f on %d cores%s%n", meanLoad, Runtime.getRuntime().availableProcessors(),
                meanLoad > 1.25 * Runtime.getRuntime().availableProcessors() ? " — busy with other work; rates and latencies are not those of a quiet machine" : "");
        boolean passed = errors == 0 && jvmTrend.flat() && drained && full.failed() == 0 && full.stored() == load.accepted.sum();
        System.out.printf("verdict: %s (0 errors: %s, JVM RSS flat: %s, drained: %s, every 202 stored and none failed: %s)%n",
                passed ? "PASS" : "FAIL", errors == 0, jvmTrend.flat(), drained, full.failed() == 0 && full.stored() == load.accepted.sum());
        return passed;
    }

    private static long nextSampleMillis(long start) {
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return SAMPLE_SECONDS * 1000L - elapsed % (SAMPLE_SECONDS * 1000L);
    }

    private static SoakSample sample(ServedNode node, InboxProgress inbox, OpenLoopLoad load, long jvm, long start, long[] logErrors)
            throws Exception {
        Set<Long> pg = node.postgresPids();
        InboxProgress.Counts counts = inbox.sample();
        logErrors[0] += node.newErrorLines();
        long[] latencies = load.takeWriteLatencies();
        return new SoakSample((System.nanoTime() - start) / 1e9, load.writesSent.sum(), load.readsSent.sum(), load.accepted.sum(),
                load.readsOk.sum(), load.badStatus.sum() + load.connectionErrors.sum() + logErrors[0], load.late.sum(), counts,
                ProcMemory.rssKib(jvm), node.heapUsedBytes(), ProcMemory.rssKib(pg), ProcMemory.pssKib(pg), pg.size(),
                SoakSample.percentileMs(latencies, 0.5), SoakSample.percentileMs(latencies, 0.99), SoakSample.percentileMs(latencies, 1.0),
                CpuTime.ofProcess(jvm), node.postgresCpuSeconds(), CpuTime.ofProcess(ProcessHandle.current().pid()),
                ProcMemory.loadAverage());
    }
}
