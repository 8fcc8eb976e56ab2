package de.allmende.bench;

import de.allmende.testkit.TestNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory of the node as the README runs it: {@code java -jar target/allmende.jar serve} with no flags,
 * in a fresh data folder with one municipality. Prints the JVM's RSS 60 s after it is ready, and its RSS
 * during and after a sustained mixed load by wrk (actor JSON, WebFinger, NodeInfo, the HTML profile and
 * pre-signed inbox POSTs), with wrk's request rate. PostgreSQL runs in processes of its own; their
 * memory (PSS, so shared buffers count once) is printed apart.
 *
 * <pre>mvn -B -q package -DskipTests && mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=de.allmende.bench.FootprintBenchmark -Dexec.args="180 32 30000 5"</pre>
 *
 * Arguments: load seconds, connections, pre-signed POSTs, one POST in every N requests. The node's
 * environment is this JVM's, so {@code ALLMENDE_JVM_TUNING=off} or {@code ALLMENDE_JVM_OPTS=…} on the
 * command line measure other JVM settings. {@code -Dbench.jar}, {@code -Dbench.java} choose jar and java.
 */
public final class FootprintBenchmark {
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.idleSeconds", 60));

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int posts = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (!WrkReplay.available()) throw new IllegalStateException("needs wrk (apt-get install -y wrk)");
        com.google.crypto.tink.signature.SignatureConfig.register(); // the remote actor signs with Tink; no node runs in this JVM
        Path data = Files.createTempDirectory("allmende-footprint");
        int port = TestNode.freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> java = List.of(System.getProperty("bench.java", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-jar", System.getProperty("bench.jar", "target/allmende.jar"));
        Map<String, String> env = Map.of("ALLMENDE_DATA_DIR", data.toString(), "ALLMENDE_HTTP_PORT", String.valueOf(port),
                "ALLMENDE_HTTP_HOST", "127.0.0.1", "ALLMENDE_PUBLIC_URL", base, "ALLMENDE_ALLOW_PRIVATE_NETWORKS", "true");
        System.out.printf("JVM settings from the environment: ALLMENDE_JVM_TUNING=%s ALLMENDE_JVM_OPTS=%s%n",
                System.getenv("ALLMENDE_JVM_TUNING"), System.getenv("ALLMENDE_JVM_OPTS"));

        run(java, env, data, "actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt", "--ags", "09162000",
                "--land", "DE-BY", "--type", "stadt", "--population", "120000");
        long t0 = System.nanoTime();
        Process node = start(java, env, data.resolve("serve.log"), "serve");
        try (BenchRemote remote = new BenchRemote()) {
            awaitReady(node, base, data.resolve("serve.log"));
            System.out.printf("ready after %d ms; JVM command: %s%n", (System.nanoTime() - t0) / 1_000_000,
                    node.info().commandLine().orElse("?"));
            Thread.sleep(IDLE.toMillis());
            report("idle " + IDLE.toSeconds() + " s after ready", node, data);

            URI inbox = URI.create(base + "/inbox");
            List<byte[]> signed = Load.prepare(posts, i -> remote.rawSignedPost(inbox, remote.createNote(i)));
            Path dir = Files.createTempDirectory("allmende-footprint-wrk");
            write(dir.resolve("posts.bin"), signed);
            write(dir.resolve("gets.bin"), gets(port));
            Path script = WrkReplay.copyScript(dir, "mixed.lua");
            Path records = WrkReplay.copyScript(dir, "records.lua");
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKiB(node.pid()), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            double cpuBefore = CpuTime.ofProcess(node.pid());
            Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                    "-s", script.toString(), base, "--", dir.resolve("posts.bin").toString(), dir.resolve("gets.bin").toString(),
                    String.valueOf(every), records.toString()).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            sampler.interrupt();
            System.out.printf("mixed load, %d s, %d connections, one pre-signed inbox POST in %d requests (%d prepared):%n%s",
                    seconds, connections, every, posts, out);
            System.out.printf("node JVM CPU during the load: %.1f s%n", CpuTime.ofProcess(node.pid()) - cpuBefore);
            System.out.printf("RSS under load: peak %d MiB (sampled every 0.5 s)%n", peak.get() / 1024);
            report("right after the load", node, data);
            Thread.sleep(10_000);
            report("10 s after the load", node, data);
        } finally {
            node.destroy();
            node.waitFor(60, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    /** Actor JSON, WebFinger, NodeInfo and the HTML profile, as raw keep-alive GETs. */
    private static List<byte[]> gets(int port) {
        String host = "127.0.0.1:" + port;
        List<byte[]> gets = new ArrayList<>();
        for (String[] r : new String[][]{
                {"/actors/musterstadt", "application/activity+json"},
                {"/.well-known/webfinger?resource=acct:musterstadt@" + host, "application/jrd+json"},
                {"/nodeinfo/2.1", "application/json"},
                {"/@musterstadt", "text/html"}}) {
            gets.add(("GET " + r[0] + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + r[1] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return gets;
    }

    private static void report(String when, Process node, Path data) {
        System.out.printf("%s: node JVM RSS %d MiB; embedded PostgreSQL PSS %d MiB (%d processes)%n", when, rssKiB(node.pid()) / 1024,
                postgresPssKiB(data) / 1024, postgres(data).size());
    }

    static long rssKiB(long pid) {
        return statusField(Path.of("/proc/" + pid + "/status"), "VmRSS:");
    }

    private static long postgresPssKiB(Path data) {
        return postgres(data).stream().mapToLong(p -> statusField(Path.of("/proc/" + p.pid() + "/smaps_rollup"), "Pss:")).sum();
    }

    private static List<ProcessHandle> postgres(Path data) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && c.contains(data.toString())).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())).distinct().toList();
    }

    private static long statusField(Path file, String field) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0])).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static void write(Path file, List<byte[]> records) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] r : records) {
                out.write((r.length + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(r);
            }
        }
    }

    private static void run(List<String> java, Map<String, String> env, Path data, String... args) throws Exception {
        Process p = start(java, env, data.resolve(args[0] + ".log"), args);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + Files.readString(data.resolve(args[0] + ".log")));
    }

    private static Process start(List<String> java, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        return b.start();
    }

    private static void awaitReady(Process node, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) throw new IllegalStateException("serve exited: " + Files.readString(log));
            try {
                if (TestNode.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(1)).build())
                        .statusCode() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("serve did not become ready: " + Files.readString(log));
    }
}
