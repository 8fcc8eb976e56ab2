package de.allmende.service.search;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static de.allmende.service.search.SearchQualityTest.enc;
import static de.allmende.service.search.SearchQualityTest.search;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search API and page over the municipal corpus: each facet filters and counts (kind, field of action, openness,
 * Land, size class, project status, lesson type, year, municipality), order and paging, marked snippets, and
 * parameters that name nothing are a 400 that says why, never a 500.
 */
@DisplayName("Search API and page: facets and counts, order, paging, marked snippets, bad parameters")
class SearchFacetsTest {
    private static TestNode node;
    private static SearchCorpus corpus;

    @BeforeAll
    static void publish() {
        node = TestNode.start();
        corpus = SearchCorpus.publish(node);
        TestNode.awaitQuiet(node);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("without words: every public item, newest first, counted per kind, Land, size class, year and municipality")
    void everythingCounted() {
        JsonNode r = search(node, "limit=50");
        assertEquals(13, r.path("total").asInt());
        assertEquals("date", r.path("order").asText());
        assertEquals(Map.of("project", 4L, "lesson", 3L, "event", 2L, "aid", 2L, "note", 1L, "update", 1L), counts(r, "kind"));
        assertEquals(Map.of("DE-BY", 5L, "DE-SN", 4L, "DE-NW", 4L), counts(r, "land"));
        assertEquals(Map.of("grossstadt", 5L, "landgemeinde", 4L, "mittelstadt", 4L), counts(r, "size"));
        assertEquals(Map.of("2026", 12L, "2027", 1L), counts(r, "year"), "events count in the year they take place");
        assertEquals(Map.of("musterstadt", 5L, "kleinhausen", 4L, "mittelberg", 4L), counts(r, "municipality"));
        assertEquals(7L, counts(r, "field").get("partizipation"));
        assertEquals("Stadt Mittelberg", label(r, "municipality", "mittelberg"));
        assertEquals("Sachsen", label(r, "land", "DE-SN"));
        assertEquals("Partizipation", label(r, "field", "partizipation"));
        List<Instant> dates = new ArrayList<>();
        for (JsonNode h : r.path("hits")) dates.add(Instant.parse(h.path("published").asText()));
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates, "newest first");
    }

    @Test
    @DisplayName("each facet filters, and the counts are those of what it leaves")
    void facetsFilter() {
        assertEquals(Set.of("P1", "L1", "E1", "A1", "P2", "E2", "P4"), keys(search(node, "field=partizipation&limit=50")));
        assertEquals(Set.of("L1", "L3"), keys(search(node, "openness=kooperation")));
        assertEquals(Set.of("P2", "L2", "E2", "U1"), keys(search(node, "land=DE-SN")));
        assertEquals(Set.of("P2", "L2", "E2", "U1"), keys(search(node, "land=Sachsen")), "a Land by name");
        assertEquals(Set.of("P2", "L2", "E2", "U1"), keys(search(node, "land=14")), "a Land by key");
        assertEquals(Set.of("P2", "L2", "E2", "U1"), keys(search(node, "size=landgemeinde")));
        assertEquals(Set.of("P2", "U1"), keys(search(node, "status=abgeschlossen")), "the update closed the project");
        assertEquals(Set.of("P1", "P3"), keys(search(node, "status=laufend")));
        assertEquals(Set.of("L2"), keys(search(node, "lesson=hindernis")));
        assertEquals(Set.of("E1"), keys(search(node, "year=2027")));
        assertEquals(Set.of("P3", "P4", "L3", "A2"), keys(search(node, "municipality=mittelberg")));
        assertEquals(Set.of("P3", "P4", "L3", "A2"), keys(search(node, "municipality=%40mittelberg")));
        JsonNode projects = search(node, "q=Beteiligung&kind=project");
        assertEquals(Set.of("P1", "P2", "P4"), keys(projects));
        assertEquals(Map.of("project", 3L), counts(projects, "kind"));
        assertEquals(Map.of("musterstadt", 1L, "kleinhausen", 1L, "mittelberg", 1L), counts(projects, "municipality"));
        JsonNode both = search(node, "q=Beteiligung&field=partizipation&land=DE-NW");
        assertEquals(Set.of("P4"), keys(both), "filters combine");
    }

    @Test
    @DisplayName("paging walks every hit once; relevance puts the title match first; date order is newest first")
    void orderAndPaging() {
        Set<String> seen = new TreeSet<>();
        for (int offset = 0; offset < 13; offset += 5) {
            JsonNode page = search(node, "limit=5&offset=" + offset);
            for (JsonNode h : page.path("hits")) assertTrue(seen.add(corpus.key(h.path("uri").asText())), "once: " + h);
        }
        assertEquals(13, seen.size());
        assertEquals(0, search(node, "limit=5&offset=15").path("hits").size());
        JsonNode byRank = search(node, "q=" + enc("Datenschutzbeauftragte") + "&order=relevance");
        assertEquals("L2", corpus.key(byRank.path("hits").get(0).path("uri").asText()));
        JsonNode byDate = search(node, "q=Haushalt&order=date");
        assertEquals("date", byDate.path("order").asText());
        List<Instant> dates = new ArrayList<>();
        for (JsonNode h : byDate.path("hits")) dates.add(Instant.parse(h.path("published").asText()));
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    }

    @Test
    @DisplayName("snippets mark the words that matched, compounds whole, as escaped HTML")
    void markedSnippets() {
        JsonNode hit = hit(search(node, "q=Haushalt"), "P1");
        assertEquals("<mark>Bürgerhaushalt</mark> Musterstadt / Participatory budget Musterstadt", hit.path("titleHtml").asText());
        assertTrue(hit.path("snippetHtml").asText().contains("<mark>Haushalts</mark>"), hit.toString());
        assertTrue(!hit.path("snippet").asText().contains("<mark>"), "the plain snippet has no marks");
        JsonNode street = hit(search(node, "q=Strasse"), "N1");
        assertTrue(street.path("snippetHtml").asText().contains("<mark>Straßenbeleuchtung</mark>"), street.toString());
        assertTrue(street.path("snippetHtml").asText().contains(" Goethestraße "), "a name the splitter does not know stays whole: " + street);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kind=poster", "field=klima", "openness=x", "land=Atlantis", "size=riesig", "status=fertig", "lesson=x",
            "year=abc", "year=3000", "municipality=a%20b", "order=random", "limit=0", "limit=51", "limit=abc", "offset=-1",
            "offset=99999", "kind=project&kind=event", "q=%EE%80%80"})
    @DisplayName("a parameter that names nothing is a 400 with a message")
    void badParameters(String query) {
        HttpResponse<String> r = node.get("/api/allmende/v1/search?" + query, "application/json");
        assertEquals(400, r.statusCode(), query + ": " + r.body());
        assertTrue(r.body().contains("\"error\""), r.body());
        HttpResponse<String> page = node.get("/search?" + query, "text/html");
        assertEquals(400, page.statusCode(), query);
        assertTrue(page.body().contains("role=\"alert\""), "the page says what was wrong: " + page.body());
    }

    @Test
    @DisplayName("an overlong query is a 400; odd but harmless text is searched")
    void oddText() {
        assertEquals(400, node.get("/api/allmende/v1/search?q=" + "a".repeat(501), "application/json").statusCode());
        for (String q : List.of("!!!", "' OR 1=1 --", "\\", "a & b | !c", "(((", "ü:*", "😀")) {
            assertEquals(200, node.get("/api/allmende/v1/search?q=" + enc(q), "application/json").statusCode(), q);
        }
    }

    @Test
    @DisplayName("the page: German by default, English on request, marked hits, facet choices, no script")
    void page() {
        HttpResponse<String> de = node.get("/search?q=Haushalt", "text/html");
        assertEquals(200, de.statusCode());
        assertTrue(de.body().contains("<html lang=\"de\">"), de.body());
        assertTrue(de.body().contains("<mark>Bürgerhaushalt</mark>"), de.body());
        assertTrue(de.body().contains("<option value=\"partizipation\">Partizipation ("), de.body());
        assertTrue(!de.body().contains("<script"), "no script");
        String csp = de.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(!csp.contains("script-src") || csp.contains("script-src 'none'"), csp);
        HttpResponse<String> en = node.get("/search?q=budget&lang=en", "text/html");
        assertTrue(en.body().contains("<html lang=\"en\">") && en.body().contains("Search terms"), en.body());
    }

    @Test
    @DisplayName("the Mastodon client API's statuses search asks the same index: compounds by their parts, umlauts written out")
    void mastodonSearch() {
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        ClientApi app = new ClientApi(node, MastodonApp.register(node, "https://app.example/callback", "read").login("kaemmerin", "read"));
        Set<String> found = new TreeSet<>();
        for (JsonNode s : app.entity("/api/v2/search?type=statuses&limit=40&q=" + enc("Strassenbeleuchtung"), "Search").path("statuses")) {
            found.add(corpus.key(s.path("uri").asText()));
        }
        assertEquals(Set.of("N1"), found);
        found.clear();
        for (JsonNode s : app.entity("/api/v2/search?type=statuses&limit=40&q=Haushalt", "Search").path("statuses")) {
            found.add(corpus.key(s.path("uri").asText()));
        }
        assertEquals(Set.of("P1", "L1", "E1", "P3"), found);
    }

    private static JsonNode hit(JsonNode result, String key) {
        for (JsonNode h : result.path("hits")) if (corpus.key(h.path("uri").asText()).equals(key)) return h;
        throw new AssertionError(key + " not among " + result);
    }

    private static Set<String> keys(JsonNode result) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode hit : result.path("hits")) keys.add(corpus.key(hit.path("uri").asText()));
        assertEquals(keys.size(), result.path("total").asInt(), "the total is the number of hits: " + keys);
        return keys;
    }

    private static Map<String, Long> counts(JsonNode result, String facet) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode v : result.path("facets").path(facet)) out.put(v.path("value").asText(), v.path("count").asLong());
        return out;
    }

    private static String label(JsonNode result, String facet, String value) {
        for (JsonNode v : result.path("facets").path(facet)) if (v.path("value").asText().equals(value)) return v.path("label").asText();
        throw new AssertionError(value + " not in " + facet);
    }
}
