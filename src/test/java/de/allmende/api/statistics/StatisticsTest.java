package de.allmende.api.statistics;

import de.allmende.testkit.Browser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.allmende.api.statistics.StatisticsNetwork.GERMANY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard counts exactly the public posts, municipalities and reactions the node holds — the same on the page's
 * tables, in its inline charts, in each chart's CSV and standalone SVG; a followers-only post counts nowhere.
 */
@DisplayName("statistics: each chart counts exactly the public data, the same in table, SVG and CSV")
class StatisticsTest {
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
    @DisplayName("public posts per month: the last twelve, empty months as 0, older and followers-only posts left out")
    void months() {
        Map<String, Long> expected = new LinkedHashMap<>();
        YearMonth now = YearMonth.now(GERMANY);
        for (int ago = 11; ago >= 0; ago--) expected.put(now.minusMonths(ago).toString(), ago == 0 ? 5L : ago == 2 || ago == 5 ? 1L : 0L);
        assertEquals(expected, csv("months"));
    }

    @Test
    @DisplayName("municipalities per Land: every Land, from the directory's members")
    void lands() {
        Map<String, Long> lands = csv("lands");
        assertEquals(16, lands.size(), lands::toString);
        assertEquals(1L, lands.get("DE-BY"));
        assertEquals(2L, lands.get("DE-HE"));
        assertEquals(1L, lands.get("DE-NW"));
        assertEquals(4L, lands.values().stream().mapToLong(Long::longValue).sum(), "Beispieldorf states no Land");
    }

    @Test
    @DisplayName("public posts per kind and per field of action, most first")
    void kindsAndFields() {
        assertEquals(Map.of("note", 7L, "event", 1L), csv("kinds"));
        assertEquals(List.of("note", "event"), new ArrayList<>(csv("kinds").keySet()));
        assertEquals(List.of(Map.entry("partizipation", 4L), Map.entry("open-data", 3L), Map.entry("transparenz", 1L)),
                new ArrayList<>(csv("fields").entrySet()));
    }

    @Test
    @DisplayName("most boosted and most liked public items; likes of a followers-only post are not shown")
    void topItems() {
        assertEquals(List.of(2L, 1L), List.copyOf(csv("boosted").values()));
        assertEquals(List.of(2L, 1L), List.copyOf(csv("liked").values()));
        List<CSVRecord> liked = records("liked", "de");
        assertTrue(liked.get(0).get("label").contains("Stadt Musterstadt"), liked::toString);
        assertTrue(liked.get(1).get("label").contains("Kulturamt Beispielstadt"), liked::toString);
        assertTrue(records("boosted", "de").get(0).get("label").contains("Landkreis Beispielkreis"));
    }

    @Test
    @DisplayName("the page: per chart an SVG image with one bar per table row, and a table with the CSV's numbers")
    void page() {
        for (String lang : List.of("de", "en")) {
            Browser.Page page = Browser.open(s.node, "/statistics?lang=" + lang);
            assertEquals(200, page.status(), page::raw);
            assertEquals(lang, page.doc().selectFirst("html").attr("lang"));
            for (String chart : List.of("months", "lands", "kinds", "fields", "boosted", "liked")) {
                Element article = page.doc().selectFirst("article:has(#chart-" + chart + "-heading)");
                Element svg = article.selectFirst("svg");
                assertEquals("img", svg.attr("role"));
                assertFalse(svg.selectFirst("title").text().isBlank());
                assertFalse(svg.selectFirst("desc").text().isBlank());
                assertFalse(article.selectFirst("table caption").text().isBlank());
                assertEquals(2, article.select("table thead th[scope=col]").size());
                List<Long> numbers = article.select("table tbody td").eachText().stream().map(Long::valueOf).toList();
                assertEquals(List.copyOf(csv(chart).values()), numbers, chart);
                assertEquals(numbers.size(), article.select("table tbody th[scope=row]").size());
                assertEquals(numbers.size(), svg.select("rect.bar").size(), chart);
            }
        }
    }

    @Test
    @DisplayName("the page's form shows one chart alone")
    void oneChart() {
        Browser.Page page = Browser.open(s.node, "/statistics?chart=lands&lang=de");
        assertEquals(200, page.status(), page::raw);
        assertEquals(List.of("Kommunen je Land"), page.doc().select("article h2").eachText());
        assertEquals("2", page.doc().select("article tr:has(th:contains(Hessen)) td").text());
    }

    @Test
    @DisplayName("each chart alone as SVG: well-formed XML, an image with title and description, one bar per data row")
    void standaloneSvg() throws Exception {
        for (String chart : List.of("months", "lands", "kinds", "fields", "boosted", "liked")) {
            HttpResponse<String> r = s.node.get("/statistics.svg?chart=" + chart, null);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
            assertEquals("img", doc.getDocumentElement().getAttribute("role"));
            assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength());
            int bars = 0;
            var rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            for (int i = 0; i < rects.getLength(); i++) if ("bar".equals(((org.w3c.dom.Element) rects.item(i)).getAttribute("class"))) bars++;
            assertEquals(csv(chart).size(), bars, chart);
        }
    }

    @Test
    @DisplayName("an unknown or missing chart, an unknown parameter or language is a 400 that says what is allowed")
    void badRequests() {
        for (String bad : List.of("?chart=pie", "", "?chart=months&farbe=blau", "?chart=months&chart=lands", "?chart=months&lang=fr")) {
            for (String path : List.of("/statistics.csv", "/statistics.svg")) {
                HttpResponse<String> r = s.node.get(path + bad, null);
                assertEquals(400, r.statusCode(), path + bad + ": " + r.body());
            }
        }
        assertTrue(s.node.get("/statistics.csv?chart=pie", null).body().contains("boosted"), "the message names the charts");
        for (String bad : List.of("?lang=fr", "?chart=pie", "?farbe=blau")) {
            Browser.Page page = Browser.open(s.node, "/statistics" + bad);
            assertEquals(400, page.status(), bad);
            assertFalse(page.doc().select("[role=alert]").text().isBlank(), bad);
        }
    }

    /** The chart's CSV as key → value, in its order (English labels). */
    static Map<String, Long> csv(String chart) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CSVRecord r : records(chart, "en")) out.put(r.get("key"), Long.valueOf(r.get("value")));
        return out;
    }

    static List<CSVRecord> records(String chart, String lang) {
        StatisticsCsv csv = StatisticsCsv.of(s.node, chart, lang);
        assertEquals(List.of("key", "label", "value"), csv.header());
        return csv.records();
    }
}
