package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * masto.js, the TypeScript Mastodon client library Elk and Phanpy build on, run by Node.js from
 * {@code src/test/interop/mastojs} (pinned in its package-lock; installed with {@code npm ci} on first use).
 */
public final class MastoJsClient {
    public static final String DIR = "src/test/interop/mastojs";

    private MastoJsClient() {}

    /** Runs {@code script} with the node's URL and returns the one JSON line it prints. */
    public static JsonNode run(String script, String nodeUrl) {
        return run(script, nodeUrl, new String[0]);
    }

    /** Runs {@code script} with the node's URL and further arguments (a token, say); returns the JSON line it prints. */
    public static JsonNode run(String script, String nodeUrl, String... args) {
        Path dir = repoRoot().resolve(DIR);
        if (!Files.isRegularFile(dir.resolve("node_modules/masto/package.json"))) {
            String out = exec(dir, 300, System.getProperty("allmende.interop.npm", "npm"), "ci", "--no-audit", "--no-fund");
            if (!Files.isRegularFile(dir.resolve("node_modules/masto/package.json"))) throw new IllegalStateException("npm ci: " + out);
        }
        List<String> command = new ArrayList<>(List.of(System.getProperty("allmende.interop.node", "node"), script, nodeUrl));
        command.addAll(List.of(args));
        String out = exec(dir, 60, command.toArray(String[]::new));
        try {
            return GoldenJson.JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(script + " printed no JSON:\n" + out)));
        } catch (IOException e) {
            throw new AssertionError(script + ": " + out, e);
        }
    }

    private static String exec(Path dir, int timeoutSeconds, String... command) {
        try {
            File log = Files.createTempFile("mastojs", ".log").toFile();
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found");
        return p;
    }
}
