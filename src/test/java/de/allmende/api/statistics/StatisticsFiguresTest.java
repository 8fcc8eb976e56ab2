package de.allmende.api.statistics;

import de.allmende.testkit.Browser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.allmende.api.statistics.StatisticsNetwork.GERMANY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's two-way figures, its most followed members and its network graph count exactly what
 * {@link StatisticsNetwork} holds — in the CSV, in the page's tables and SVGs — and every figure renders as a PNG of
 * its SVG's size.
 */
@DisplayName("statistics: per month by kind and field, per Land by size class, most followed, the network graph, PNG")
class StatisticsFiguresTest {
    static final List<String> ALL = List.of("months", "kinds-months", "fields-months", "lands", "lands-sizes", "kinds", "fields",
            "followed", "boosted", "liked", "network");
    static StatisticsNetwork s;

    @BeforeAll
    static void start() {
        s = new StatisticsNetwork();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    @DisplayName("public posts per month and kind: twelve months, kinds most first, a total per month")
    void kindsPerMonth() {
        List<CSVRecord> rows = records("kinds-months");
        assertEquals(List.of("key", "label", "note", "event", "total"), header("kinds-months"));
        assertEquals(12, rows.size());
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        YearMonth now = YearMonth.now(GERMANY);
        for (int ago = 11; ago >= 0; ago--) {
            expected.put(now.minusMonths(ago).toString(), ago == 0 ? List.of(4L, 1L, 5L) : ago == 2 || ago == 5 ? List.of(1L, 0L, 1L) : List.of(0L, 0L, 0L));
        }
        assertEquals(expected, numbers(rows, 2));
    }

    @Test
    @DisplayName("public posts per month and field of action: a post counts in each of its fields; older ones are left out")
    void fieldsPerMonth() {
        assertEquals(List.of("key", "label", "open-data", "partizipation", "transparenz", "total"), header("fields-months"));
        Map<String, List<Long>> got = numbers(records("fields-months"), 2);
        YearMonth now = YearMonth.now(GERMANY);
        assertEquals(List.of(3L, 2L, 0L, 5L), got.get(now.toString()));
        assertEquals(List.of(0L, 0L, 1L, 1L), got.get(now.minusMonths(2).toString()));
        assertEquals(List.of(0L, 1L, 0L, 1L), got.get(now.minusMonths(5).toString()));
        assertEquals(7L, got.values().stream().mapToLong(List::getLast).sum(), "the note of fourteen months ago is not counted");
    }

    @Test
    @DisplayName("municipalities per Land and size class: every Land, every size class and 'not stated'; no Land, no row")
    void landsAndSizes() {
        assertEquals(List.of("key", "label", "landgemeinde", "kleinstadt", "mittelstadt", "grossstadt", "landkreis", "none", "total"),
                header("lands-sizes"));
        Map<String, List<Long>> got = numbers(records("lands-sizes"), 2);
        assertEquals(16, got.size());
        assertEquals(List.of(0L, 0L, 0L, 1L, 0L, 0L, 1L), got.get("DE-BY"), "Musterstadt: 120,000");
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 1L, 2L), got.get("DE-HE"), "the Kreis, and Auental with no population");
        assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L, 1L), got.get("DE-NW"), "the Kulturamt: 8,000");
        assertEquals(4L, got.values().stream().mapToLong(List::getLast).sum());
        assertEquals(values("lands"), totals(got), "the same members as municipalities per Land");
    }

    @Test
    @DisplayName("most followed: the Kreis with the 40 followers its collection states, then Musterstadt with two")
    void mostFollowed() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("kreis@" + s.net.remote.base().getRawAuthority(), 40L);
        expected.put("musterstadt@" + s.node.publicUrl().getRawAuthority(), 2L);
        assertEquals(expected, values("followed"));
        assertEquals(List.of("Landkreis Beispielkreis", "Stadt Musterstadt"), records("followed").stream().map(r -> r.get("label")).toList());
    }

    @Test
    @DisplayName("the network: Musterstadt follows the Kulturamt and boosted it and the Kreis; Auental boosted the Kreis")
    void network() {
        String peer = "@" + s.net.remote.base().getRawAuthority(), here = "@" + s.node.publicUrl().getRawAuthority();
        assertEquals(List.of("from", "from_name", "to", "to_name", "follows", "boosts"), header("network"));
        assertEquals(List.of(
                List.of("auental" + here, "Gemeinde Auental", "kreis" + peer, "Landkreis Beispielkreis", "false", "1"),
                List.of("musterstadt" + here, "Stadt Musterstadt", "kulturamt" + peer, "Kulturamt Beispielstadt", "true", "1"),
                List.of("musterstadt" + here, "Stadt Musterstadt", "kreis" + peer, "Landkreis Beispielkreis", "false", "1")),
                records("network").stream().map(CSVRecord::toList).toList(), "the group Musterstadt follows is no member, nor are the fans");
    }

    @Test
    @DisplayName("the page: every figure with an image and a table of its CSV's numbers; the graph's links drawn and listed")
    void page() {
        for (String lang : List.of("de", "en")) {
            Browser.Page page = Browser.open(s.node, "/statistics?lang=" + lang);
            assertEquals(200, page.status(), page::raw);
            assertEquals(ALL.size(), page.doc().select("article").size());
            for (String chart : List.of("kinds-months", "fields-months", "lands-sizes")) {
                Element article = page.doc().selectFirst("article:has(#chart-" + chart + "-heading)");
                List<CSVRecord> csv = records(chart);
                assertEquals(header(chart).size() - 1, article.select("table thead th[scope=col]").size(), chart);
                assertEquals(csv.size(), article.select("table tbody th[scope=row]").size(), chart);
                List<Long> cells = article.select("table tbody td").eachText().stream().map(Long::valueOf).toList();
                assertEquals(csv.stream().flatMap(r -> r.toList().subList(2, r.size()).stream()).map(Long::valueOf).toList(), cells, chart);
                long segments = csv.stream().flatMap(r -> r.toList().subList(2, r.size() - 1).stream()).filter(v -> !v.equals("0")).count();
                assertEquals(segments, article.select("svg rect.segment").size(), chart + ": one segment per number above 0");
                assertEquals(header(chart).size() - 3, article.select("svg rect.swatch").size(), chart + ": a legend entry per series");
            }
            Element graph = page.doc().selectFirst("article:has(#chart-network-heading)");
            assertEquals(4, graph.select("svg circle.member").size(), "Beispieldorf has no links");
            assertEquals(1, graph.select("svg line.follows").size());
            assertEquals(3, graph.select("svg line.boosts").size());
            assertEquals(3, graph.select("table tbody tr").size());
            assertEquals(4, graph.select("table thead th[scope=col]").size());
            assertEquals(lang.equals("de") ? "Stadt Musterstadt Kulturamt Beispielstadt ja 1" : "Stadt Musterstadt Kulturamt Beispielstadt yes 1",
                    graph.select("table tbody tr").get(1).text());
            assertFalse(graph.select("svg text").eachText().isEmpty());
        }
    }

    @Test
    @DisplayName("each figure as PNG: an image that javax.imageio decodes, of its SVG's width and height")
    void png() throws Exception {
        for (String chart : ALL) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.node.url() + "/statistics.png?chart="
                    + chart + "&lang=de")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), chart);
            assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            Element svg = org.jsoup.Jsoup.parse(s.node.get("/statistics.svg?chart=" + chart + "&lang=de", null).body(),
                    org.jsoup.parser.Parser.xmlParser()).selectFirst("svg");
            assertEquals(Integer.parseInt(svg.attr("width")), image.getWidth(), chart);
            assertEquals(Integer.parseInt(svg.attr("height")), image.getHeight(), chart);
            assertTrue(hasInk(image), chart + ": something is drawn on the white");
        }
        assertEquals(400, s.node.get("/statistics.png?chart=pie", null).statusCode());
    }

    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) for (int x = 0; x < image.getWidth(); x += 2) if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) return true;
        return false;
    }

    /** A bar chart's CSV as key → value, in its order. */
    private static Map<String, Long> values(String chart) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CSVRecord r : records(chart)) out.put(r.get("key"), Long.valueOf(r.get("value")));
        return out;
    }

    private static Map<String, Long> totals(Map<String, List<Long>> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.getLast()));
        return out;
    }

    /** key → the numbers from column {@code from} on. */
    private static Map<String, List<Long>> numbers(List<CSVRecord> rows, int from) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (CSVRecord r : rows) out.put(r.get(0), r.toList().subList(from, r.size()).stream().map(Long::valueOf).toList());
        return out;
    }

    private static List<String> header(String chart) {
        return StatisticsCsv.of(s.node, chart, "en").header();
    }

    private static List<CSVRecord> records(String chart) {
        return StatisticsCsv.of(s.node, chart, "en").records();
    }
}
