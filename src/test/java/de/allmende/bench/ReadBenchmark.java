package de.allmende.bench;

import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import io.vertx.core.VertxOptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Public reads against their ceiling, in one run on one machine: a plain Vert.x JSON hello-world
 * ({@link HelloWorldServer}, same Vert.x, same number of event loops, this JVM's flags, its own JVM)
 * and a node (durable embedded PostgreSQL, one municipality, one published project) are each driven
 * by wrk over loopback: actor JSON, object JSON, WebFinger, the profile and object HTML pages, the
 * outbox, NodeInfo. First every URL is driven for the warm-up time (both JVMs compile their hot
 * paths), then each is measured in turn; the hello-world first and last, and each read is reported as
 * a share of the mean of the two. Last, the same hello-world deployed like the node's HTTP verticles
 * (virtual-thread verticles) shows what the threading model alone costs.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.ReadBenchmark -Dexec.args="10 32 10"</pre>
 * (arguments: seconds per measurement, connections, warm-up seconds; wrk runs with one thread;
 * {@code -Dbench.only="actor JSON"} measures one read alone, e.g. under a profiler)
 */
public final class ReadBenchmark {
    private static final String AS = "application/activity+json";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    record Target(String name, String path, String accept) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Wrk.Load measure = new Wrk.Load(1, connections, seconds);
        Wrk.Load warm = new Wrk.Load(1, connections, warmup);
        int eventLoops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        int helloPort = TestNode.freePort();
        int virtualHelloPort = TestNode.freePort();
        Process hello = startHelloWorld(helloPort, eventLoops, "event-loop");
        Process virtualHello = startHelloWorld(virtualHelloPort, eventLoops, "virtual-thread");
        try (BenchNode node = new BenchNode()) {
            var s = node.node.services();
            var actor = s.actors.createMunicipality(Fixtures.musterstadt());
            Content project = s.content.create(actor, ContentKind.PROJECT, ContentFixtures.offenerHaushalt());
            String object = project.iri().getRawPath();
            String authority = s.iris.base().getRawAuthority();
            List<Target> reads = List.of(
                    new Target("actor JSON", "/actors/musterstadt", AS),
                    new Target("object JSON", object, AS),
                    new Target("WebFinger", "/.well-known/webfinger?resource=acct:musterstadt@" + authority, null),
                    new Target("profile HTML", "/actors/musterstadt", BROWSER),
                    new Target("object HTML", object, BROWSER),
                    new Target("outbox JSON", "/actors/musterstadt/outbox", AS),
                    new Target("NodeInfo 2.1", "/nodeinfo/2.1", null));
            String helloUrl = "http://127.0.0.1:" + helloPort + "/";
            String virtualHelloUrl = "http://127.0.0.1:" + virtualHelloPort + "/";
            System.out.printf("wrk %s, warm-up %d s; %d event loops; JVM flags %s%n", measure, warmup, eventLoops, jvmFlags());

            String only = System.getProperty("bench.only"); // one read alone, e.g. under a profiler
            if (only != null) reads = reads.stream().filter(t -> t.name().equals(only)).toList();
            // Both JVMs compile their hot paths before anything is timed: every URL once, then each in turn.
            Wrk.run(helloUrl, Map.of(), warm);
            Wrk.run(virtualHelloUrl, Map.of(), warm);
            for (Target t : reads) Wrk.run(node.url() + t.path(), headers(t.accept()), warm);
            Map<String, Measured> results = new LinkedHashMap<>();
            long self = ProcessHandle.current().pid();
            results.put("hello-world (first)", measure(helloUrl, null, measure, hello.pid()));
            for (Target t : reads) results.put(t.name(), measure(node.url() + t.path(), t.accept(), measure, self));
            results.put("hello-world (last)", measure(helloUrl, null, measure, hello.pid()));
            // Not a ceiling: the same hello-world on the node's threading model, to tell its cost from ours.
            results.put("hello-world on virtual-thread verticles", measure(virtualHelloUrl, null, measure, virtualHello.pid()));

            double ceiling = (results.get("hello-world (first)").wrk().requestsPerSecond()
                    + results.get("hello-world (last)").wrk().requestsPerSecond()) / 2;
            System.out.printf("%n| read | body | req/s | p50 | p99 | share of hello-world | server CPU per request | failed |%n"
                    + "|---|---|---|---|---|---|---|---|%n");
            results.forEach((name, m) -> System.out.printf("| %s | %,d B | %,.0f | %.2f ms | %.2f ms | %.0f %% | %.1f µs | %d |%n",
                    name, m.bytes(), m.wrk().requestsPerSecond(), m.wrk().p50Millis(), m.wrk().p99Millis(),
                    100 * m.wrk().requestsPerSecond() / ceiling, m.cpuMicrosPerRequest(), m.wrk().failed()));
        } finally {
            for (Process p : List.of(hello, virtualHello)) {
                p.destroy();
                p.waitFor();
            }
        }
        System.exit(0);
    }

    /** wrk's figures, the CPU time the serving JVM used per request while wrk ran (robust against other load), the body's size. */
    record Measured(Wrk.Result wrk, double cpuMicrosPerRequest, int bytes) {}

    private static Map<String, String> headers(String accept) {
        return accept == null ? Map.of() : Map.of("Accept", accept);
    }

    private static Measured measure(String url, String accept, Wrk.Load measure, long serverPid) throws Exception {
        Map<String, String> headers = headers(accept);
        var once = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        headers.forEach(once::header);
        int bytes = java.net.http.HttpClient.newHttpClient().send(once.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body().length;
        double cpu0 = CpuTime.ofProcess(serverPid);
        Wrk.Result r = Wrk.run(url, headers, measure);
        double cpu = CpuTime.ofProcess(serverPid) - cpu0;
        System.out.printf("%s (%s): %,.0f req/s, p99 %.2f ms, %d failed%n", url, accept, r.requestsPerSecond(), r.p99Millis(), r.failed());
        if (r.failed() > 0) System.out.println(r.report());
        return new Measured(r, cpu * 1e6 / Math.max(1, r.requests()), bytes);
    }

    /** The hello-world in a JVM of its own, with this JVM's flags and classpath. */
    private static Process startHelloWorld(int port, int eventLoops, String threading) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-cp", classpath(), HelloWorldServer.class.getName(), String.valueOf(port), String.valueOf(eventLoops),
                threading));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("ready")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining
                return p;
            }
        }
        throw new IllegalStateException("hello-world server did not start");
    }

    /** The flags this JVM was started with (heap, GC, …), without Maven's system properties or a profiler's recording. */
    private static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("--"))
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-XX:FlightRecorderOptions")).toList();
    }

    /** exec:java loads the test classpath into a URLClassLoader; a plain {@code java -cp} has it in java.class.path. */
    private static String classpath() {
        if (ReadBenchmark.class.getClassLoader() instanceof URLClassLoader u) {
            return Arrays.stream(u.getURLs()).map(ReadBenchmark::path).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return new File(url.toURI()).getPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
