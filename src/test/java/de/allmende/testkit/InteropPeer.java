package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Starts the independent ActivityPub test peer ({@code src/test/interop/peer}, built on Fedify)
 * as a child process on loopback and wraps its {@code /_control} API.
 *
 * <pre>{@code
 * try (InteropPeer peer = InteropPeer.start(repoRoot)) {
 *     peer.follow("acct:alice@127.0.0.1:8080");
 *     JsonNode create = peer.awaitInbox(a -> "Create".equals(a.path("type").asText()), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>The executables can be overridden with the system properties {@code allmende.interop.node} and
 * {@code allmende.interop.npm} (defaults: {@code node}, {@code npm} from the PATH). The peer's stderr
 * is copied to this JVM's stderr prefixed with {@code [interop-peer:<port>]}.
 */
public final class InteropPeer implements AutoCloseable {

    /** The peer folder, relative to the repository root. */
    public static final String PEER_DIR = "src/test/interop/peer";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object INSTALL_LOCK = new Object();

    private final Process process;
    private final int port;
    private final URI actor;
    private final URI base;
    private final HttpClient http;
    private final Deque<String> stderrTail;
    private final Thread shutdownHook;

    private InteropPeer(Process process, int port, URI actor, Deque<String> stderrTail) {
        this.process = process;
        this.port = port;
        this.actor = actor;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.stderrTail = stderrTail;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.shutdownHook = new Thread(this::destroyProcessTree, "interop-peer-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Installs the peer's npm dependencies if {@code node_modules} is missing, starts
     * {@code node peer.mjs --port 0} and waits (at most 30 s) for its {@code READY} line.
     *
     * @param repoRoot the repository root (the folder holding {@code pom.xml})
     * @throws IllegalStateException if npm or node fail, or the peer does not become ready
     */
    public static InteropPeer start(Path repoRoot) {
        Path dir = repoRoot.toAbsolutePath().resolve(PEER_DIR).normalize();
        if (!Files.isRegularFile(dir.resolve("peer.mjs"))) {
            throw new IllegalStateException("interop peer not found: " + dir.resolve("peer.mjs"));
        }
        ensureInstalled(dir);

        String node = System.getProperty("allmende.interop.node", "node");
        ProcessBuilder pb = new ProcessBuilder(node, "peer.mjs", "--port", "0", "--watch-stdin")
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start '" + node + "' (is Node.js >= 20 on the PATH?): " + e.getMessage(), e);
        }

        Deque<String> tail = new ArrayDeque<>();
        String[] prefix = {"[interop-peer] "};
        Thread err = new Thread(() -> pump(p.getErrorStream(), line -> {
            synchronized (tail) {
                tail.addLast(line);
                while (tail.size() > 200) tail.removeFirst();
            }
            System.err.println(prefix[0] + line);
        }), "interop-peer-stderr");
        err.setDaemon(true);
        err.start();

        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread out = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone()) ready.complete(line);
                    else System.err.println(prefix[0] + "(stdout) " + line);
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("peer stdout closed before READY"));
        }, "interop-peer-stdout");
        out.setDaemon(true);
        out.start();

        String line;
        try {
            line = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            killTree(p);
            throw new IllegalStateException("interop peer did not print READY within " + READY_TIMEOUT.toSeconds()
                    + " s (" + e + ")" + exitInfo(p) + "\n--- peer stderr ---\n" + snapshot(tail), e);
        }
        if (!line.startsWith("READY ")) {
            killTree(p);
            throw new IllegalStateException("unexpected first line from interop peer: " + line
                    + "\n--- peer stderr ---\n" + snapshot(tail));
        }
        try {
            JsonNode info = JSON.readTree(line.substring("READY ".length()));
            int port = info.path("port").asInt();
            prefix[0] = "[interop-peer:" + port + "] ";
            return new InteropPeer(p, port, URI.create(info.path("actor").asText()), tail);
        } catch (IOException | RuntimeException e) {
            killTree(p);
            throw new IllegalStateException("cannot parse READY line: " + line, e);
        }
    }

    /**
     * Runs {@code npm ci} in the peer folder when its dependencies are not installed yet. Test JVMs run side by
     * side (surefire forks), so a file lock lets one of them install while the others wait and then find it done.
     */
    static void ensureInstalled(Path dir) {
        synchronized (INSTALL_LOCK) {
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".npm-ci.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock installing = lockFile.lock()) {
                installIfMissing(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + dir + " for 'npm ci'", e);
            }
        }
    }

    private static void installIfMissing(Path dir) {
        if (Files.isRegularFile(dir.resolve("node_modules/@fedify/fedify/package.json"))
                && Files.isRegularFile(dir.resolve("node_modules/@rowanmanning/feed-parser/package.json"))) return;
        String npm = System.getProperty("allmende.interop.npm", "npm");
        ProcessBuilder pb = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + npm + " ci' in " + dir
                    + " (is npm on the PATH?): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try {
            if (!p.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                throw new IllegalStateException("'npm ci' in " + dir + " timed out after " + NPM_TIMEOUT.toMinutes() + " min");
            }
            String text = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("'npm ci --no-audit --no-fund' failed in " + dir
                        + " with exit code " + p.exitValue() + ":\n" + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(p);
            throw new IllegalStateException("interrupted while running 'npm ci'", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read 'npm ci' output", e);
        }
    }

    // ------------------------------------------------------------------ accessors

    /** The peer actor's IRI, e.g. {@code http://127.0.0.1:41234/users/peer}. */
    public URI actor() {
        return actor;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI baseUri() {
        return base;
    }

    /** {@code peer@127.0.0.1:<port>} (WebFinger resource without the {@code acct:} prefix). */
    public String handle() {
        return "peer@127.0.0.1:" + port;
    }

    /** The personal inbox {@code /users/peer/inbox}. */
    public URI inboxUri() {
        return base.resolve("/users/peer/inbox");
    }

    /** The shared inbox {@code /inbox}. */
    public URI sharedInboxUri() {
        return base.resolve("/inbox");
    }

    // ---------------------------------------------------------------- control API

    /**
     * Activities the peer accepted, oldest first. Each entry has {@code type}, {@code id}, {@code actor},
     * {@code activity} (the JSON as received), {@code signatureVerified} (draft-cavage HTTP signature),
     * {@code proofVerified} (FEP-8b32 proof on the activity: true/false, null when absent),
     * {@code objectProofVerified}, {@code signatureKeyId}, {@code inbox}, {@code receivedAt}.
     */
    public List<JsonNode> inbox() {
        return list(call("GET", "/_control/inbox", null));
    }

    /** How many activities the peer accepted; cheap to poll, unlike {@link #inbox()}. */
    public int inboxCount() {
        return call("GET", "/_control/inbox/count", null).path("count").asInt();
    }

    /** Inbox POSTs the peer refused (non-2xx): {@code status}, {@code reason}, {@code activity}, … */
    public List<JsonNode> rejected() {
        return list(call("GET", "/_control/rejected", null));
    }

    /**
     * Fedify's own FEP-8b32 checks of every inbox POST: one entry per activity ({@code path}
     * "activity") and per embedded object ("object"), with {@code activityId, id, hasProof,
     * verificationMethod, keyId, proofValid} (verifyProof) and {@code verified} (verifyObject).
     */
    public List<JsonNode> proofs() {
        return list(call("GET", "/_control/proofs", null));
    }

    /** Fedify's proof report for the {@code path} ("activity" or "object") of a received activity. */
    public JsonNode proofReport(String activityId, String path) {
        return proofs().stream()
                .filter(p -> activityId.equals(p.path("activityId").asText()) && path.equals(p.path("path").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no proof report for the " + path + " of " + activityId));
    }

    /** Activities this peer sent, with delivery outcome ({@code ok}, {@code error}). */
    public List<JsonNode> sent() {
        return list(call("GET", "/_control/sent", null));
    }

    /** Polls {@link #inbox()} until an entry matches, or fails after {@code timeout}. */
    public JsonNode awaitInbox(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> hit = inbox().stream().filter(match).findFirst();
            if (hit.isPresent()) return hit.get();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching activity in the interop peer's inbox within " + timeout
                        + "; inbox=" + inbox() + " rejected=" + rejected());
            }
            sleep(50);
        }
    }

    /** Sends Follow to an actor IRI or {@code acct:user@host}; returns the Follow's id. */
    public String follow(String target) {
        return call("POST", "/_control/follow", obj().put("target", target)).path("followId").asText();
    }

    /** Sends Undo(Follow); returns the Undo's id. */
    public String unfollow(String target) {
        return call("POST", "/_control/unfollow", obj().put("target", target)).path("undoId").asText();
    }

    /** Actor IRIs whose Accept(Follow) the peer received. */
    public List<String> following() {
        return strings(call("GET", "/_control/following", null));
    }

    /** Actor IRIs following the peer. */
    public List<String> followers() {
        return strings(call("GET", "/_control/followers", null));
    }

    /** Posts a public Create(Note) to all followers; returns the Note's id. */
    public String post(String html) {
        return call("POST", "/_control/post", obj().put("content", html)).path("id").asText();
    }

    /** Sends Like for the object to its author; returns the Like's id. */
    public String like(String iri) {
        return call("POST", "/_control/like", obj().put("object", iri)).path("id").asText();
    }

    /** Sends Announce for the object to its author; returns the Announce's id. */
    public String announce(String iri) {
        return call("POST", "/_control/announce", obj().put("object", iri)).path("id").asText();
    }

    /**
     * Signs (draft-cavage, the peer's RSA key) and POSTs an arbitrary activity to an inbox.
     *
     * @throws IllegalStateException if the receiving inbox answers with a non-2xx status
     */
    public void send(String inboxUrl, JsonNode activity) {
        JsonNode r = sendRaw(inboxUrl, activity, true);
        int status = r.path("status").asInt();
        if (status < 200 || status > 299) {
            throw new IllegalStateException("inbox " + inboxUrl + " answered " + status + ": " + r.path("body").asText());
        }
    }

    /** Like {@link #send} but never throws on the remote status; returns {@code {status, body, activity}}. */
    public JsonNode sendRaw(String inboxUrl, JsonNode activity, boolean sign) {
        return call("POST", "/_control/send", obj().put("inbox", inboxUrl).put("sign", sign).set("activity", activity));
    }

    /**
     * Subscribes to a relay Mastodon-style (FEP-ae0c: a signed Follow of as:Public sent to the relay's inbox), as a
     * real server does: a 429 while the relay fetches this peer's key for the first time is retried shortly, until
     * {@code timeout}. Returns the relay's last answer ({@code {status, body, activity}}); the Accept comes to the inbox.
     */
    public JsonNode subscribeToRelay(String relayInbox, Duration timeout) {
        ObjectNode follow = obj().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", base.resolve("/follows/" + java.util.UUID.randomUUID()).toString()).put("type", "Follow")
                .put("actor", actor.toString()).put("object", "https://www.w3.org/ns/activitystreams#Public");
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode answer = sendRaw(relayInbox, follow, true);
        while (answer.path("status").asInt() == 429 && System.nanoTime() < deadline) {
            sleep(200);
            answer = sendRaw(relayInbox, follow, true);
        }
        return answer;
    }

    /** Clears the recorded inbox (and the rejected list). */
    public void reset() {
        call("POST", "/_control/reset", obj());
    }

    /**
     * Calls any control route (e.g. {@code /_control/update}, {@code /_control/delete}, {@code /_control/undo})
     * and returns the JSON answer.
     *
     * @throws IllegalStateException on a non-2xx answer (the message carries the peer's error JSON)
     */
    public JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("interop peer " + method + " " + path + " failed" + exitInfo(process), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("interop peer " + method + " " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("interop peer answered non-JSON: " + r.body(), e);
        }
    }

    /** The last lines the peer wrote to stderr (for assertion messages). */
    public String stderrTail() {
        return snapshot(stderrTail);
    }

    /** Stops the peer (SIGTERM, then SIGKILL after 5 s) including any child processes. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
        destroyProcessTree();
    }

    // ------------------------------------------------------------------ helpers

    private void destroyProcessTree() {
        killTree(process);
    }

    private static void killTree(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        try {
            p.getOutputStream().close(); // --watch-stdin: EOF makes the peer exit by itself
        } catch (IOException ignored) {
            // already closed
        }
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String exitInfo(Process p) {
        return p.isAlive() ? "" : " (peer exited with code " + p.exitValue() + ")";
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String snapshot(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private static void pump(InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) sink.accept(line);
        } catch (IOException ignored) {
            // process ended
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return ("<cannot read output: " + e + ">").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "InteropPeer[" + actor + "]";
    }
}
