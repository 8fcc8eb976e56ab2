package de.allmende.api;

import de.allmende.domain.Scope;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.LogCapture;
import de.allmende.testkit.RawHttp;
import de.allmende.testkit.RawHttp.Answer;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.TestNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the node, walked with path segments and query values an attacker would try: each
 * answer is below 500, carries no stack trace, and the node logs no ERROR or stack trace for any of
 * them — whatever a client sends is the client's fault, and says so with a 4xx.
 */
@DisplayName("hostile paths: every route answers malicious segments with a 4xx, never a 5xx")
class HostilePathsTest {
    /** As they appear on the wire: percent-encoded or raw (the request line is sent as ISO-8859-1 bytes). */
    static final List<String> SEGMENTS = List.of(
            "%00", "x%00", "%00%00", "musterstadt%00", "a%20b", "a b", "%25", "%", "%zz", "%2", "{}", "%7B%7D",
            "..", "../", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2F", "a%2Fb", "%5C", "\\",
            "%C3%A4", "\u00c3\u00a4", "%F0%9F%98%80", "%FF", "%C0%AF", "%ED%A0%80", "%EF%BB%BF",
            "%0A", "%0D%0A", "%09", "%7F", "%01", "'", "%22", "%3Cscript%3E", ";", "%3B", "-1", "00000000-0000-0000-0000-00000000000g",
            "x".repeat(300), "%00".repeat(500), "ä".repeat(2000));
    /** Every query parameter any handler reads. */
    static final List<String> QUERY_NAMES = List.of("max_id", "page", "format", "resource", "rel", "cursor", "limit",
            "fieldOfAction", "updatedSince", "status", "project", "from", "to");

    static TestNode node;
    static String token;
    static Map<String, String> valid;
    static LogCapture logs;

    @BeforeAll
    static void start() {
        // Each request is judged on its own; slowing an address whose signed requests keep being refused has its own test.
        node = TestNode.start(java.util.Map.of(de.allmende.config.ConfigLoader.HTTP_REFUSALS_PER_ADDRESS_PER_SECOND, "1000000"));
        var musterstadt = node.create(Fixtures.musterstadt());
        Showcase shown = Showcase.publish(node, musterstadt);
        token = node.node().services().tokens.issue("musterstadt", Set.of(Scope.values()), "test").secret();
        valid = Map.of("handle", "musterstadt", "kind", "events", "id", shown.project().id().orElseThrow().toString());
        logs = LogCapture.attach();
    }

    @AfterAll
    static void stop() {
        if (logs != null) logs.close();
        if (node != null) node.close();
    }

    @BeforeEach
    void clearLogs() {
        logs.clear();
    }

    @Test
    @DisplayName("each path parameter (and the tail of each fixed path) replaced by each malicious segment → < 500")
    void maliciousPathSegments() {
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> requests = new ArrayList<>();
        for (RouteUnderTest route : routes()) {
            for (String bad : SEGMENTS) {
                for (String path : route.mutations(bad)) requests.add(() -> check(route.method(), path, failures));
            }
        }
        inParallel(requests);
        assertClean(failures, requests.size());
    }

    @Test
    @DisplayName("each query parameter any handler reads, set to each malicious value, on every GET route → < 500")
    void maliciousQueryValues() {
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> requests = new ArrayList<>();
        for (RouteUnderTest route : routes()) {
            if (route.method() != HttpMethod.GET) continue; // a valid path with a DELETE would delete
            for (String bad : SEGMENTS) {
                StringBuilder query = new StringBuilder();
                for (String name : QUERY_NAMES) query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(bad);
                requests.add(() -> check(route.method(), route.valid() + query, failures));
            }
        }
        inParallel(requests);
        assertClean(failures, requests.size());
    }

    @Test
    @DisplayName("an inbox POST with an empty or missing Host header → 4xx")
    void inboxWithoutHost() {
        List<String> failures = new ArrayList<>();
        String body = "{\"id\":\"http://127.0.0.1:1/a\",\"type\":\"Create\",\"actor\":\"http://127.0.0.1:1/u\"}";
        String headers = "Content-Type: application/activity+json\r\n"
                + "Signature: keyId=\"http://127.0.0.1:1/u#k\",headers=\"(request-target) host date digest\",signature=\"AAAA\"\r\n";
        for (String target : List.of("/inbox", "/actors/musterstadt/inbox", "/actor/inbox", "/actors/x%00/inbox")) {
            for (String host : new String[]{"", " ", null, "%00", "[::1", "a b", "\u00e4"}) {
                Answer a = RawHttp.send(node.node().port(), RawHttp.request("POST", target, host, headers, body));
                if (a.status() < 400 || a.status() >= 500 || leaksStackTrace(a)) failures.add("POST " + target + " Host '" + host + "' → " + a);
            }
        }
        assertClean(failures, 0);
    }

    /** Eight at a time, as several clients would send them (one after another took most of this test's time). */
    private static void inParallel(List<Runnable> requests) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            requests.forEach(r -> sent.add(pool.submit(r)));
        }
        for (var f : sent) {
            try {
                f.get(); // a request that threw fails the test, as it did when they ran one after another
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void check(HttpMethod method, String target, List<String> failures) {
        String body = method == HttpMethod.POST || method == HttpMethod.PUT ? "{}" : null;
        String headers = "Authorization: Bearer " + token + "\r\nAccept: text/html\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\n");
        Answer a = RawHttp.send(node.node().port(), RawHttp.request(method.name(), target, "127.0.0.1:" + node.node().port(), headers, body));
        if (a.status() == 0 || a.status() >= 500 || leaksStackTrace(a)) failures.add(method + " " + abbreviate(target) + " → " + a);
    }

    private static void assertClean(List<String> failures, int sent) {
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + sent + " requests failed:\n" + String.join("\n", failures));
        assertEquals(List.of(), logs.errorsWithStackTraces(), "the node logged errors for client faults");
    }

    static boolean leaksStackTrace(Answer a) {
        String b = a.body();
        return b.contains("Exception") || b.contains("\tat ") || b.contains(".java:");
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }

    /** The node's routes, each with the methods it serves (routes matching every method are walked with GET and POST). */
    private static List<RouteUnderTest> routes() {
        List<RouteUnderTest> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Route r : HttpVerticle.router(node.node().vertx(), HttpHandlers.create(node.node().services())).getRoutes()) {
            String path = r.getPath();
            if (path == null) continue;
            Set<HttpMethod> methods = r.methods() == null || r.methods().isEmpty() ? Set.of(HttpMethod.GET, HttpMethod.POST) : r.methods();
            for (HttpMethod m : methods) if (seen.add(m + " " + path)) out.add(new RouteUnderTest(m, path));
        }
        assertTrue(out.size() > 40, "expected the whole router, got " + out);
        return out;
    }

    /** One method on one path template, e.g. GET /actors/:handle/:kind/feed.atom. */
    record RouteUnderTest(HttpMethod method, String template) {
        static final Pattern PARAM = Pattern.compile(":([A-Za-z_]+)");

        String valid() {
            String p = template;
            for (var e : valid.entrySet()) p = p.replace(":" + e.getKey(), e.getValue());
            return p.endsWith("/") ? p + "x" : p;
        }

        /**
         * One path per parameter with that parameter replaced by {@code bad}, and one with {@code bad}
         * appended to its valid value (the others valid); a route without parameters gets {@code bad} as
         * one more segment.
         */
        List<String> mutations(String bad) {
            List<String> out = new ArrayList<>();
            Matcher params = PARAM.matcher(template);
            while (params.find()) {
                String name = params.group(1);
                for (String value : List.of(bad, valid.getOrDefault(name, "x") + bad)) {
                    String p = template.replace(":" + name, value);
                    for (var e : valid.entrySet()) p = p.replace(":" + e.getKey(), e.getValue());
                    out.add(p);
                }
            }
            if (out.isEmpty()) out.add((template.endsWith("/") ? template : template + "/") + bad);
            return out;
        }
    }
}
