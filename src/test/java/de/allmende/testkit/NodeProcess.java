package de.allmende.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line ({@code de.allmende.Main}) in a separate JVM with its own environment,
 * exactly as an operator would — including the embedded PostgreSQL in the data folder.
 */
public final class NodeProcess {
    private NodeProcess() {}

    public record Result(int exitCode, String stdout, String stderr) {}

    public static Map<String, String> env(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("ALLMENDE_DATA_DIR", dataDir.toString());
        env.put("ALLMENDE_HTTP_PORT", String.valueOf(port));
        env.put("ALLMENDE_HTTP_HOST", "127.0.0.1");
        env.put("ALLMENDE_PUBLIC_URL", "http://127.0.0.1:" + port);
        return env;
    }

    /**
     * As {@link #env}, on a fresh database of the tests' shared PostgreSQL instead of an embedded one of its own: each
     * command then skips starting PostgreSQL (seconds per command). Tests of the embedded default keep {@link #env}.
     */
    public static Map<String, String> envOnSharedDatabase(Path dataDir, int port) {
        Map<String, String> env = env(dataDir, port);
        de.allmende.config.DatabaseSettings db = TestDatabase.fresh();
        env.put("ALLMENDE_DATABASE_URL", db.jdbcUrl());
        env.put("ALLMENDE_DATABASE_USER", db.user());
        env.put("ALLMENDE_DATABASE_PASSWORD", db.password());
        return env;
    }

    /** Runs a command to completion. */
    public static Result run(Map<String, String> env, String... args) {
        try {
            Process p = builder(env, args).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("command did not finish: " + String.join(" ", args));
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code serve} and waits until readiness answers 200. */
    public static Process serve(Map<String, String> env, Path log) {
        try {
            ProcessBuilder b = builder(env, "serve");
            b.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = b.start();
            String ready = "http://127.0.0.1:" + env.get("ALLMENDE_HTTP_PORT") + "/health/ready";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) throw new IllegalStateException("serve exited: " + Files.readString(log));
                try {
                    if (TestNode.send(HttpRequest.newBuilder(URI.create(ready)).timeout(Duration.ofSeconds(1)).build()).statusCode() == 200) {
                        return p;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            p.destroyForcibly();
            throw new IllegalStateException("serve did not become ready: " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // as the jar's manifest does: serve replaces its JVM with a tuned one through execv (cli/ProcessImage)
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                // C1 only: a test's node lives seconds, and starts ready with half the CPU (5.1 s -> 2.7 s measured);
                // serve keeps it through the relaunch as an operator's own option, next to the tuned ones
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "de.allmende.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().keySet().removeIf(k -> k.startsWith("ALLMENDE_"));
        b.environment().putAll(env);
        return b;
    }
}
