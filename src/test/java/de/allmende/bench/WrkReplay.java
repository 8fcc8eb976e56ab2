package de.allmende.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends pre-signed raw requests with wrk, a separate C process, each exactly once. The load
 * generator shares the 2 cores with the node under test, so a lean one (one wrk thread, epoll)
 * leaves the node the CPU that the JDK HttpClient in the node's own JVM took.
 */
final class WrkReplay {
    private static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");

    /**
     * @param startNanos when wrk started sending; {@code acceptedSeconds} from then to the last answer
     * @param cpuSeconds CPU time wrk used
     */
    record Result(long startNanos, double acceptedSeconds, Map<Integer, Integer> statuses, double cpuSeconds) {}

    private WrkReplay() {}

    static boolean available() {
        return Files.isExecutable(Path.of(WRK)) && Files.isExecutable(Path.of("/usr/bin/stdbuf"));
    }

    /** Sends every request (raw HTTP/1.1 bytes) to {@code server} on {@code connections} keep-alive connections. */
    static Result send(URI server, List<byte[]> requests, int connections) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("allmende-wrk");
        Path data = dir.resolve("requests.bin");
        try (OutputStream out = Files.newOutputStream(data)) {
            for (byte[] r : requests) {
                out.write((r.length + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(r);
            }
        }
        Path script = copyScript(dir, "replay.lua");
        Path records = copyScript(dir, "records.lua");
        // stdbuf: wrk's "Running" line (printed as it starts sending) must reach us at once, not when a buffer fills.
        Process wrk = new ProcessBuilder("/usr/bin/stdbuf", "-oL", WRK, "-t1", "-c" + connections, "-d600s", "--timeout", "60s",
                "-s", script.toString(), server.toString(), "--", data.toString(), records.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            long start = 0;
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("Running")) start = System.nanoTime();
                if (line.startsWith("replay-done")) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    return new Result(start, secs, statuses(line), CpuTime.ofProcess(wrk.pid()));
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("wrk ended before all answers came:\n" + seen);
        } finally {
            wrk.destroy(); // it has stopped sending; its own report is not needed
            wrk.waitFor();
            Files.deleteIfExists(data);
            Files.deleteIfExists(script);
            Files.deleteIfExists(records);
            Files.deleteIfExists(dir);
        }
    }

    /** A wrk script from src/test/resources/bench, copied into {@code dir} (wrk reads files, not resources). */
    static Path copyScript(Path dir, String name) throws IOException {
        Path script = dir.resolve(name);
        try (InputStream in = WrkReplay.class.getResourceAsStream("/bench/" + name)) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private static Map<Integer, Integer> statuses(String doneLine) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (String part : doneLine.substring("replay-done".length()).trim().split(" ")) {
            if (part.isEmpty()) continue;
            String[] kv = part.split("=");
            statuses.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
        }
        return statuses;
    }

    /** A raw HTTP/1.1 POST, as wrk sends it. */
    static byte[] rawPost(URI target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        StringBuilder head = new StringBuilder("POST ").append(target.getRawPath()).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
