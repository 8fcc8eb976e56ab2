package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node.js scripts under {@code src/test/interop/<dir>} with their dependencies pinned in the folder's
 * package-lock, installed with {@code npm ci} on first use. Each script prints one JSON line, its result.
 */
public final class NodeScripts {
    private NodeScripts() {}

    /** Runs {@code script} in {@code dir} (installed when {@code requiredPackage} is missing); returns its last JSON line. */
    public static JsonNode run(String dir, String requiredPackage, Duration timeout, String script, String... args) {
        Path folder = ExternalProgram.repoRoot().resolve(dir);
        ensureInstalled(folder, requiredPackage);
        String out = ExternalProgram.run(folder, timeout, Map.of(), command(script, args));
        return lastJsonLine(script, out);
    }

    /** Starts {@code script} in {@code dir} for a conversation (installed as {@link #run} does); the caller closes it. */
    public static ExternalProgram start(String dir, String requiredPackage, String script, String... args) {
        Path folder = ExternalProgram.repoRoot().resolve(dir);
        ensureInstalled(folder, requiredPackage);
        return ExternalProgram.start(folder, Map.of(), command(script, args));
    }

    private static String[] command(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(System.getProperty("allmende.interop.node", "node"), script));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    /** The last line of {@code out} that is a JSON object. */
    public static JsonNode lastJsonLine(String program, String out) {
        try {
            return GoldenJson.JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(program + " printed no JSON:\n" + out)));
        } catch (IOException e) {
            throw new AssertionError(program + ": " + out, e);
        }
    }

    /** Test JVMs run side by side (surefire forks): a file lock lets one install while the others wait for it. */
    private static synchronized void ensureInstalled(Path folder, String requiredPackage) {
        Path marker = folder.resolve("node_modules").resolve(requiredPackage).resolve("package.json");
        if (Files.isRegularFile(marker)) return;
        try (FileChannel lockFile = FileChannel.open(folder.resolve(".npm-ci.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock installing = lockFile.lock()) {
            if (Files.isRegularFile(marker)) return;
            String out = ExternalProgram.run(folder, Duration.ofMinutes(5), Map.of(),
                    System.getProperty("allmende.interop.npm", "npm"), "ci", "--no-audit", "--no-fund");
            if (!Files.isRegularFile(marker)) throw new IllegalStateException("npm ci in " + folder + " did not install " + requiredPackage + ":\n" + out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + folder + " for 'npm ci'", e);
        }
    }
}
