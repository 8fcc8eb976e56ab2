package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a feed reader outside the JVM makes of a feed: {@code feedcheck.mjs} in the interop peer's
 * folder runs the npm library {@code @rowanmanning/feed-parser} and prints its result as JSON
 * (meta, title, url, self, updated, authors, items with id/title/url/published/updated/content/categories).
 */
public final class IndependentFeedReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndependentFeedReader() {}

    public static JsonNode parse(String feedXml) {
        Path dir = repoRoot().resolve(InteropPeer.PEER_DIR);
        InteropPeer.ensureInstalled(dir);
        String node = System.getProperty("allmende.interop.node", "node");
        try {
            Process p = new ProcessBuilder(node, "feedcheck.mjs").directory(dir.toFile()).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()::readAllBytes));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()::readAllBytes));
            try (OutputStream in = p.getOutputStream()) {
                in.write(feedXml.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("feedcheck.mjs did not finish in 30 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("feedcheck.mjs failed: " + new String(err.join(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(out.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Reader {
        byte[] read() throws IOException;
    }

    private static byte[] read(Reader r) {
        try {
            return r.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found above " + Path.of("").toAbsolutePath());
        return p;
    }
}
