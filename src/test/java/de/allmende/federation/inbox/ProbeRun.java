package de.allmende.federation.inbox;

import de.allmende.federation.inbox.Probe.Expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Sends one class of probes with a few connections at once, and judges every answer. */
final class ProbeRun {
    /** The limit; -Dhostile.deadline.ms changes it for a machine that is busy with other work. */
    static final Duration DEADLINE = Duration.ofMillis(Long.getLong("hostile.deadline.ms", 1000));

    /** What can be wrong with one answer. */
    enum Failure {
        SERVER_ERROR("5xx"), NO_ANSWER("no answer"), SLOW("slower than 1 s"), FORGERY_ACCEPTED("accepted forgery"),
        MALFORMED_ACCEPTED("accepted malformed input"), LEGITIMATE_REFUSED("legitimate activity refused"),
        STACK_TRACE("stack trace in the answer"), HTML_HEADERS("HTML without security headers");

        final String text;

        Failure(String text) {
            this.text = text;
        }
    }

    /** @param alone the answer when sent again on its own, for requests that were slow among others; else null */
    record Outcome(Probe probe, Wire.Answer answer, List<Failure> failures, Wire.Answer alone) {
        Outcome(Probe probe, Wire.Answer answer, List<Failure> failures) {
            this(probe, answer, failures, null);
        }

        boolean accepted() {
            return answer.status() >= 200 && answer.status() < 300;
        }

        String describe() {
            String body = answer.body().replaceAll("\\s+", " ");
            return probe.label() + " → " + (answer.status() == 0 ? answer.error() : answer.status() + " " + (body.length() > 100 ? body.substring(0, 100) : body))
                    + String.format(Locale.ROOT, " (%.0f ms)", answer.millis());
        }
    }

    private ProbeRun() {}

    /**
     * Sends the probes, {@code connections} at a time. With {@code retime}, a request slower than the
     * deadline is sent again on its own: on two cores shared with other work, eight requests in flight
     * measure contention more than the input. It counts as slow only if it is slow alone too (the report
     * says how many were slow only among others). Not for classes whose second request finds a cache.
     */
    static List<Outcome> run(int port, List<Probe> probes, int connections, Duration timeout, boolean retime) {
        List<Outcome> first = run(port, probes, connections, timeout);
        if (!retime) return first;
        List<Outcome> out = new ArrayList<>(first.size());
        for (Outcome o : first) {
            if (!o.failures().contains(Failure.SLOW)) {
                out.add(o);
                continue;
            }
            Wire.Answer again = Wire.send(port, o.probe().request(), timeout);
            List<Failure> failures = new ArrayList<>(o.failures());
            if (again.nanos() <= DEADLINE.toNanos()) failures.remove(Failure.SLOW);
            out.add(new Outcome(o.probe(), o.answer(), failures, again));
        }
        return out;
    }

    static List<Outcome> run(int port, List<Probe> probes, int connections, Duration timeout) {
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Probe p : probes) pending.add(pool.submit(() -> judge(p, Wire.send(port, p.request(), timeout))));
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : pending) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static Outcome judge(Probe p, Wire.Answer a) {
        List<Failure> f = new ArrayList<>();
        boolean ok2xx = a.status() >= 200 && a.status() < 300;
        boolean versionRefused = a.status() == 501 && p.leeway().contains(Probe.Leeway.UNSUPPORTED_VERSION);
        if (a.status() >= 500 && !versionRefused) f.add(Failure.SERVER_ERROR);
        if (a.status() == 0 && !p.leeway().contains(Probe.Leeway.CLOSE)) f.add(Failure.NO_ANSWER);
        if (a.nanos() > DEADLINE.toNanos()) f.add(Failure.SLOW);
        if (ok2xx && p.expect() == Expect.FORGERY) f.add(Failure.FORGERY_ACCEPTED);
        if (ok2xx && p.expect() == Expect.MALFORMED) f.add(Failure.MALFORMED_ACCEPTED);
        if (p.expect() == Expect.ACCEPT && a.status() != 202) f.add(Failure.LEGITIMATE_REFUSED);
        String b = a.body();
        if (b.contains("Exception") || b.contains("\tat ") || b.contains(".java:")) f.add(Failure.STACK_TRACE);
        String type = a.header("Content-Type");
        if (ok2xx && type != null && type.startsWith("text/html") && !hasSecurityHeaders(a)) f.add(Failure.HTML_HEADERS);
        return new Outcome(p, a, f);
    }

    /** Finding 11: CSP with frame-ancestors, nosniff. */
    private static boolean hasSecurityHeaders(Wire.Answer a) {
        String csp = a.header("Content-Security-Policy");
        return csp != null && csp.contains("frame-ancestors") && "nosniff".equalsIgnoreCase(a.header("X-Content-Type-Options"));
    }

    /** Failures by kind, each with its first few examples. */
    static Map<Failure, List<Outcome>> failures(List<Outcome> outcomes) {
        Map<Failure, List<Outcome>> out = new EnumMap<>(Failure.class);
        for (Outcome o : outcomes) for (Failure f : o.failures()) out.computeIfAbsent(f, k -> new ArrayList<>()).add(o);
        return out;
    }

    /** One line per class: count, statuses, latency, failures; then a few examples of each failure. */
    static String report(String kind, List<Outcome> outcomes) {
        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(o -> o.answer().status(), TreeMap::new, Collectors.counting()));
        Map<Failure, List<Outcome>> failures = failures(outcomes);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-30s %5d requests  %s  statuses %s  failures %s",
                kind, outcomes.size(), latency(outcomes), statuses,
                failures.entrySet().stream().map(e -> e.getKey().text + " ×" + e.getValue().size()).toList()));
        failures.forEach((f, list) -> list.stream().limit(4).forEach(o -> b.append("\n      ").append(f.text).append(": ").append(o.describe())));
        long contended = outcomes.stream().filter(o -> o.alone() != null && !o.failures().contains(Failure.SLOW)).count();
        if (contended > 0) {
            b.append("\n      slower than 1 s among others but not alone: ").append(contended).append(", e.g. ")
                    .append(outcomes.stream().filter(o -> o.alone() != null && !o.failures().contains(Failure.SLOW)).findFirst()
                            .map(o -> o.describe() + String.format(Locale.ROOT, ", alone %.0f ms", o.alone().millis())).orElse(""));
        }
        // Closing without an answer is allowed for broken framing, but say which did.
        outcomes.stream().filter(o -> o.answer().status() == 0 && o.failures().isEmpty())
                .map(o -> o.probe().label() + " (" + o.answer().error() + ")").distinct().limit(8)
                .forEach(l -> b.append("\n      closed without an answer (allowed): ").append(l));
        return b.toString();
    }

    static String latency(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) return "";
        double[] ms = outcomes.stream().mapToDouble(o -> o.answer().millis()).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms  p99 %.1f ms  max %.1f ms", at(ms, 0.50), at(ms, 0.99), ms[ms.length - 1]);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
