package de.allmende.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives one URL with wrk (Debian package {@code wrk}), a separate C process on the same machine, and
 * reads its report: requests per second, latency percentiles, answers that were not 2xx or 3xx.
 */
final class Wrk {
    private static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** @param p50Millis and {@code p99Millis}: latency percentiles as wrk measured them */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long failed, String report) {}

    /** How wrk is run: threads, keep-alive connections, seconds. */
    record Load(int threads, int connections, int seconds) {
        List<String> args() {
            return List.of("-t" + threads, "-c" + connections, "-d" + seconds + "s");
        }
    }

    private Wrk() {}

    static Result run(String url, Map<String, String> headers, Load load) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(WRK));
        cmd.addAll(load.args());
        cmd.add("--latency");
        headers.forEach((name, value) -> {
            cmd.add("-H");
            cmd.add(name + ": " + value);
        });
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("wrk failed:\n" + out);
        long failed = find(NON_2XX, out).map(Long::parseLong).orElse(0L);
        Matcher errors = ERRORS.matcher(out);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) failed += Long.parseLong(errors.group(g));
        }
        return new Result(Double.parseDouble(find(RATE, out).orElseThrow(() -> new IllegalStateException("no rate in:\n" + out))),
                percentile(out, "50%"), percentile(out, "99%"), Long.parseLong(find(TOTAL, out).orElse("0")), failed, out);
    }

    private static java.util.Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%    1.23ms}, in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) return Double.NaN;
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
