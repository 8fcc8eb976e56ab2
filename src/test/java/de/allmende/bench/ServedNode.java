package de.allmende.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The node as the README runs it: {@code java -jar target/allmende.jar serve} in a process of its own,
 * configured only through environment variables, on its embedded PostgreSQL in a fresh data folder.
 *
 * <p>The process this starts need not be the JVM that serves: a launcher may re-exec the JVM with tuned
 * flags. The serving JVM is taken to be the deepest {@code java} process below the one started. The
 * embedded PostgreSQL daemonises (its parent is init, not the node), so its processes are found through
 * {@code postmaster.pid} in the data folder.
 */
final class ServedNode implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Path dataDir;
    final Path log;
    private final Path jar;
    private final String java;
    private final Map<String, String> env;
    private final Process root;
    private long logOffset;
    private final List<String> firstErrors = new ArrayList<>();

    private ServedNode(Path jar, String java, int port, Path dataDir, Path log, Process root, Map<String, String> env) {
        this.jar = jar;
        this.java = java;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.root = root;
        this.env = env;
    }

    /** Starts {@code serve} and waits (at most two minutes) until {@code /health/ready} answers 200. */
    static ServedNode start(Path jar, String java, int port) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("allmende-soak");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Map<String, String> env = Map.of("ALLMENDE_DATA_DIR", dataDir.toString(), "ALLMENDE_HTTP_PORT", String.valueOf(port),
                "ALLMENDE_HTTP_HOST", "127.0.0.1", "ALLMENDE_PUBLIC_URL", "http://127.0.0.1:" + port,
                // The fake remote that serves the signers' keys listens on loopback.
                "ALLMENDE_ALLOW_PRIVATE_NETWORKS", "true");
        Process p = builder(java, jar, env, "serve").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServedNode node = new ServedNode(jar, java, port, dataDir, log, p, env);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!node.ready()) {
            if (!p.isAlive()) throw new IllegalStateException("serve exited with " + p.exitValue() + ":\n" + Files.readString(log));
            if (System.nanoTime() > deadline) {
                node.close();
                throw new IllegalStateException("serve did not become ready in 2 minutes; log in " + log);
            }
            Thread.sleep(200);
        }
        return node;
    }

    private static ProcessBuilder builder(String java, Path jar, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd);
        // Nothing from this shell may tune the node: it must run as the README's command runs it.
        b.environment().keySet().removeIf(k -> k.startsWith("ALLMENDE_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        b.environment().putAll(env);
        return b;
    }

    /** The command line of the started process, for the report. */
    String command() {
        return root.info().commandLine().orElse(java + " -jar " + jar + " serve");
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    boolean ready() {
        try {
            HttpRequest r = HttpRequest.newBuilder(url().resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Heap in use as the node's Prometheus endpoint reports it (sum over heap pools), or -1. */
    long heapUsedBytes() {
        try {
            HttpRequest r = HttpRequest.newBuilder(url().resolve("/metrics")).timeout(Duration.ofSeconds(5)).build();
            String metrics = HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
            double sum = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            return sum > 0 ? (long) sum : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs a CLI command against the running node's database (as the README's second terminal does). */
    void cli(String... args) throws IOException, InterruptedException {
        Process p = builder(java, jar, env, args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
        }
    }

    /** The serving JVM: the deepest {@code java} process at or below the one started. */
    long jvmPid() {
        return Stream.concat(Stream.of(root.toHandle()), root.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
                .max(Comparator.comparingInt(ServedNode::depth)).map(ProcessHandle::pid).orElse(root.pid());
    }

    private static int depth(ProcessHandle p) {
        int d = 0;
        for (var parent = p.parent(); parent.isPresent(); parent = parent.get().parent()) d++;
        return d;
    }

    /** The embedded PostgreSQL's postmaster and all its children (backends, writers, workers). */
    Set<Long> postgresPids() {
        Set<Long> pids = new LinkedHashSet<>();
        postmaster().ifPresent(pm -> {
            pids.add(pm.pid());
            pm.descendants().forEach(d -> pids.add(d.pid()));
        });
        // Should a later node keep PostgreSQL as its child, it is found here as well.
        root.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** CPU seconds of the embedded PostgreSQL so far, backends that have ended included. */
    double postgresCpuSeconds() {
        return postmaster().map(pm -> CpuTime.ofProcessAndEndedChildren(pm.pid())
                + pm.descendants().mapToDouble(d -> CpuTime.ofProcess(d.pid())).sum()).orElse(0.0);
    }

    private Optional<ProcessHandle> postmaster() {
        // A stale pid file may name a pid that now belongs to someone else: it must be our postgres.
        return postmasterLine(0).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir.toString())).orElse(false));
    }

    /** JDBC URL of the embedded database (port from {@code postmaster.pid}; user postgres, no password). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postmasterLine(3).orElseThrow(() -> new IllegalStateException(
                "no running embedded PostgreSQL in " + dataDir)) + "/postgres";
    }

    private Optional<String> postmasterLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return lines.size() > index ? Optional.of(lines.get(index).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** ERROR lines (text or JSON log format) the node logged since the last call; the first few are kept. */
    int newErrorLines() throws IOException {
        int errors = 0;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(logOffset);
            byte[] rest = new byte[(int) Math.min(f.length() - logOffset, 64L << 20)];
            f.readFully(rest);
            int end = new String(rest, StandardCharsets.ISO_8859_1).lastIndexOf('\n') + 1; // whole lines only
            logOffset += end;
            for (String line : new String(rest, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains(" ERROR ") || line.contains("\"level\":\"ERROR\"") || line.startsWith("Exception in thread")) {
                    errors++;
                    if (firstErrors.size() < 5) firstErrors.add(line);
                }
            }
        }
        return errors;
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    boolean alive() {
        return root.isAlive();
    }

    /** SIGTERM (the node stops PostgreSQL itself), then the data folder is removed unless kept. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root.toHandle()), root.descendants()).toList();
        root.destroy();
        if (!root.waitFor(90, TimeUnit.SECONDS)) tree.forEach(ProcessHandle::destroyForcibly);
        Optional<ProcessHandle> leftOver = postmaster(); // only if the node did not stop it
        leftOver.ifPresent(ProcessHandle::destroy);
        if (leftOver.isPresent() && !leftOver.get().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).thenApply(p -> p != null).join()) {
            System.out.println("! the node's PostgreSQL did not stop; data folder kept: " + dataDir);
            return;
        }
        if (!Boolean.getBoolean("soak.keep")) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            if (Files.exists(dataDir)) System.out.println("! could not remove the data folder " + dataDir);
        }
    }
}
