package de.allmende.bench;

import de.allmende.domain.LocalActor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 11's coordinator at scale: a coordinator holding 1,000,000 aggregated items from 2,000 municipalities
 * ({@link CoordinatorRows}), then over real HTTP, one request at a time (HTTP/1.1 keep-alive): faceted search (a fixed
 * mix of queries with compounds and facet filters, as the HTML page and as the JSON API), the statistics dashboard,
 * the merged calendar with and without filters; and the size of the search index per item.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.allmende.bench.CoordinatorScaleBenchmark -Dexec.args="1000000 2000 20"</pre>
 * Arguments: items, municipalities, rounds over the searches after one warm-up round (five times as many over the rest); a fourth, seconds to keep the
 * node and its database after measuring (for EXPLAIN ANALYZE with psql). The node runs in this JVM on the test
 * database (embedded PostgreSQL with its default memory settings, fsync off: these are reads).
 */
public final class CoordinatorScaleBenchmark {
    private static final String API = "/api/allmende/v1/search";

    public static void main(String[] args) throws Exception {
        int items = arg(args, 0, 1_000_000), municipalities = arg(args, 1, 2_000), rounds = arg(args, 2, 20), hold = arg(args, 3, 0);
        try (TestNode node = TestNode.start()) {
            LocalActor coordinator = node.node().services().actors.createCoordinator(Fixtures.netzwerkHessen());
            long t0 = System.nanoTime();
            try (Connection c = node.node().services().db.dataSource().getConnection()) {
                CoordinatorRows.fill(c, coordinator.id(), items, municipalities);
            }
            System.out.printf("filled %,d items (%,d search documents, %,d events) of %,d municipalities in %.0f s (load average %.1f)%n",
                    node.count("SELECT count(*) FROM aggregated_item"), node.count("SELECT count(*) FROM search_document"),
                    node.count("SELECT count(*) FROM search_document WHERE kind = 'event'"),
                    node.count("SELECT count(*) FROM coordinator_subscription"), (System.nanoTime() - t0) / 1e9, load());
            IndexSizes.print(node, items);
            String municipality = text(node, "SELECT municipality FROM search_document GROUP BY 1 ORDER BY count(*) DESC OFFSET 100 LIMIT 1");
            Map<String, List<String>> groups = new LinkedHashMap<>();
            List<String> searches = searches(municipality);
            groups.put("search, HTML page", searches.stream().map(q -> "/search?" + q).toList());
            groups.put("search, JSON API", searches.stream().map(q -> API + "?" + q).toList());
            groups.put("statistics", List.of("/statistics"));
            groups.put("calendar, no filter", List.of("/calendar", "/calendar.ics", "/calendar.atom"));
            groups.put("calendar, filtered", calendars(municipality));
            measure(node, groups, rounds);
            if (hold > 0) {
                System.out.println("holding for " + hold + " s: psql '" + node.database().jdbcUrl().replace("jdbc:", "") + "?user=postgres'");
                Thread.sleep(hold * 1000L);
            }
        }
        System.exit(0);
    }

    /** The query mix: compounds and their parts, inflections, umlauts, English, facet filters, order and paging. */
    static List<String> searches(String municipality) {
        return List.of("q=Haushalt", "q=Beteiligung", "q=B%C3%BCrgerhaushalt", "q=Jugendbeteiligung", "q=Radverkehr",
                "q=Stra%C3%9Fe", "q=Strasse&kind=event", "q=Klimaschutz&field=smart-city", "q=Digitalisierung&land=DE-BY",
                "kind=project", "kind=event&land=DE-NW&year=2025", "q=Open+Data&size=kleinstadt", "q=Workshop&kind=event&year=2025",
                "q=Leitfaden&kind=aid", "q=Erfahrungen&kind=lesson&lesson=hindernis", "q=W%C3%A4rmeplanung&order=date",
                "q=Breitbandausbau&land=DE-NI&size=landgemeinde", "municipality=" + enc(municipality), "q=participation",
                "q=B%C3%BCrgerbeteiligung&status=laufend", "q=Gemeinderat&openness=transparenz", "q=Haushalt&offset=100",
                "q=M%C3%A4ngelmelder&field=e-government", "q=Feuerwehr+Ger%C3%A4tehaus", "q=F%C3%B6rdermittel+Land&order=date");
    }

    static List<String> calendars(String municipality) {
        LocalDate lastYear = LocalDate.now().minusYears(1);
        return List.of("/calendar?land=DE-BY", "/calendar?field=open-data", "/calendar?attendance=online",
                "/calendar?municipality=" + enc(municipality), "/calendar?from=" + lastYear + "&to=" + lastYear.plusDays(30),
                "/calendar?land=DE-NW&field=partizipation&attendance=onsite", "/calendar.ics?land=DE-HE", "/calendar.atom?field=smart-city");
    }

    /**
     * After a warm-up round, {@code rounds} rounds over the searches and five times as many over the dashboard and the
     * calendar; each URL's first (cold) answer is printed apart. A request that has no answer within a minute counts as a minute (the node closes it after 30 s).
     */
    private static void measure(TestNode node, Map<String, List<String>> groups, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, List<Long>> byUrl = new LinkedHashMap<>();
        Map<String, Long> first = new LinkedHashMap<>(); // each URL's first request: nothing of it cached or compiled yet
        groups.forEach((group, urls) -> urls.forEach(u -> byUrl.put(u, new ArrayList<>())));
        for (int round = -1; round < rounds * 5; round++) {
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                // Searches get the same warm-up round as the rest (the first answer of each URL, cold, is printed apart).
                if (g.getKey().startsWith("search") && round >= rounds) continue;
                for (String url : g.getValue()) {
                    long micros = timed(http, node.url() + url);
                    if (round >= 0) byUrl.get(url).add(micros);
                    first.putIfAbsent(url, micros);
                }
            }
            if (round == -1) System.out.printf("warmed up (load average %.1f)%n", load());
        }
        groups.forEach((group, urls) -> {
            List<Long> all = new ArrayList<>();
            urls.forEach(u -> all.addAll(byUrl.get(u)));
            Percentiles.print("== " + group, all);
            Percentiles.print("   first request of each (cold)", urls.stream().map(first::get).toList());
            for (String u : urls) Percentiles.print("   " + u, byUrl.get(u));
        });
    }

    private static long timed(HttpClient http, String url) throws Exception {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            return (System.nanoTime() - start) / 1000;
        } catch (java.io.IOException e) {
            System.out.printf("   %s: no answer after %.1f s (%s), counted as 60 s%n", url, (System.nanoTime() - start) / 1e9, e.getMessage());
            return 60_000_000;
        }
    }

    static String text(TestNode node, String sql) throws Exception {
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
