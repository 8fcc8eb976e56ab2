package de.allmende.api.directory;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.json.Json;
import de.allmende.testkit.Browser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static de.allmende.api.directory.DirectoryNetwork.ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory lists exactly the municipalities a filter asks for — the node's own, those it follows, those a
 * coordinator here subscribes to — the same in HTML, JSON and CSV, with the facts they state and what they publish.
 */
@DisplayName("directory: each filter lists exactly its municipalities, the same in HTML, JSON and CSV")
class DirectoryTest {
    static DirectoryNetwork net;

    @BeforeAll
    static void start() {
        net = new DirectoryNetwork();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    @DisplayName("unfiltered: own, followed and subscribed municipalities; never the coordinator, a followed group or an unknown sender")
    void listsEveryMember() {
        assertListed("", ALL.toArray(String[]::new));
    }

    @Test
    @DisplayName("Land by name, key or ISO code; type; size class (by population, districts by type)")
    void byFacts() {
        assertListed("?land=Hessen", "Gemeinde Auental", "Landkreis Beispielkreis");
        assertListed("?land=DE-NW", "Kulturamt Beispielstadt");
        assertListed("?land=09", "Stadt Musterstadt");
        assertListed("?land=Berlin");
        assertListed("?type=kreisfreie-stadt", "Stadt Musterstadt");
        assertListed("?type=stadt", "Kulturamt Beispielstadt");
        assertListed("?type=landkreis", "Landkreis Beispielkreis");
        assertListed("?size=grossstadt", "Stadt Musterstadt");
        assertListed("?size=kleinstadt", "Kulturamt Beispielstadt");
        assertListed("?size=landkreis", "Landkreis Beispielkreis");
        assertListed("?size=landgemeinde");
    }

    @Test
    @DisplayName("field of action, by code or hashtag: who published at least one public post in it")
    void byFieldOfAction() {
        assertListed("?field=partizipation", "Landkreis Beispielkreis", "Stadt Musterstadt");
        assertListed("?field=OpenData", "Kulturamt Beispielstadt");
        assertListed("?field=transparenz");
    }

    @Test
    @DisplayName("filters combine; a form submitted with nothing chosen lists all")
    void filtersCombine() {
        assertListed("?land=HE&field=partizipation", "Landkreis Beispielkreis");
        assertListed("?land=BY&size=kleinstadt");
        assertListed("?land=&type=&size=&field=", ALL.toArray(String[]::new));
    }

    @Test
    @DisplayName("the facts: AGS, Land, type, population, size class, node and software, followers, last activity, posts per field")
    void facts() {
        JsonNode all = json("");
        JsonNode muster = find(all, "Stadt Musterstadt");
        assertEquals("09162000", muster.path("ags").asText());
        assertEquals("091620000000", muster.path("ars").asText());
        assertEquals("DE-BY", muster.path("land").asText());
        assertEquals("kreisfreie-stadt", muster.path("type").asText());
        assertEquals(120000, muster.path("population").asInt());
        assertEquals("grossstadt", muster.path("sizeClass").asText());
        assertEquals(net.node.publicUrl().getRawAuthority(), muster.path("node").path("host").asText());
        assertTrue(muster.path("node").path("software").asText().startsWith("allmende "), muster::toString);
        assertEquals(2, muster.path("followers").asInt());
        assertFalse(muster.path("lastActivity").isNull(), muster::toString);
        assertEquals(1, muster.path("postsByFieldOfAction").path("partizipation").asInt(), muster::toString);
        assertEquals(net.node.actorIri("musterstadt").toString(), muster.path("iri").asText());

        JsonNode kultur = find(all, "Kulturamt Beispielstadt");
        assertEquals("kulturamt@" + net.remote.base().getRawAuthority(), kultur.path("handle").asText());
        assertEquals(net.kulturamt.id().toString(), kultur.path("iri").asText());
        assertEquals(net.remote.base().getRawAuthority(), kultur.path("node").path("host").asText());
        assertTrue(kultur.path("node").path("software").isNull(), "no coordinator here subscribed to it, so its node's software was never read");
        assertTrue(kultur.path("followers").isNull(), "nor its followers (see DirectoryRemoteFactsTest)");
        assertEquals(1, kultur.path("postsByFieldOfAction").path("open-data").asInt(), kultur::toString);

        JsonNode dorf = find(all, "Gemeinde Beispieldorf");
        assertTrue(dorf.path("ags").isNull() && dorf.path("sizeClass").isNull() && dorf.path("lastActivity").isNull(), dorf::toString);

        CSVRecord row = csv("").stream().filter(r -> r.get("name").equals("Stadt Musterstadt")).findFirst().orElseThrow();
        assertEquals("09162000", row.get("ags"));
        assertEquals("Bayern", row.get("land_name"));
        assertEquals("2", row.get("followers"));
        assertEquals("1", row.get("posts_partizipation"));
        assertEquals("0", row.get("posts_open-data"));
    }

    @Test
    @DisplayName("bad filters are a 400 that says what was expected, in every rendering")
    void badFilters() {
        for (String bad : List.of("?land=Atlantis", "?type=dorf", "?size=riesig", "?field=kochen", "?farbe=blau", "?land=BY&land=HE",
                "?lang=fr")) {
            Browser.Page page = Browser.open(net.node, "/directory" + bad);
            assertEquals(400, page.status(), bad);
            assertFalse(page.doc().select("[role=alert]").text().isBlank(), bad);
            for (String path : List.of("/directory.json", "/directory.csv")) {
                HttpResponse<String> r = net.node.get(path + bad, null);
                assertEquals(400, r.statusCode(), path + bad + ": " + r.body());
            }
        }
        assertTrue(net.node.get("/directory.json?size=riesig", null).body().contains("grossstadt"), "the message names what is allowed");
    }

    static void assertListed(String query, String... names) {
        List<String> expected = List.of(names);
        Browser.Page p = Browser.open(net.node, "/directory" + query);
        assertEquals(200, p.status(), p::raw);
        assertEquals(expected, p.doc().select("article h3 a").eachText(), "page " + query);
        List<String> fromJson = new ArrayList<>();
        json(query).path("municipalities").forEach(m -> fromJson.add(m.path("name").asText()));
        assertEquals(expected, fromJson, "JSON " + query);
        assertEquals(expected, csv(query).stream().map(r -> r.get("name")).toList(), "CSV " + query);
    }

    static JsonNode json(String query) {
        HttpResponse<String> r = net.node.get("/directory.json" + query, null);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    /** The CSV as Commons CSV reads it (RFC 4180, the header row naming the columns). */
    static List<CSVRecord> csv(String query) {
        HttpResponse<String> r = net.node.get("/directory.csv" + query, null);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv; charset=utf-8"));
        assertTrue(r.body().startsWith("name,handle,iri,ags,ars,land,"), r.body());
        try (CSVParser p = CSVParser.parse(new StringReader(r.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        } catch (IOException e) {
            throw new AssertionError("Commons CSV cannot read:\n" + r.body(), e);
        }
    }

    static JsonNode find(JsonNode doc, String name) {
        for (JsonNode m : doc.path("municipalities")) if (m.path("name").asText().equals(name)) return m;
        throw new AssertionError(name + " not in " + doc);
    }
}
