package de.allmende.api.search;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.SearchCorpus;
import de.allmende.testkit.TestNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports of the search corpus (issue 11, point 6): the CSV and JSON-LD of a search hold exactly its hits, each with
 * provenance (one item as if a coordinator here had backfilled it, with a verified proof), never a followers-only
 * post; the CSV parses back (Commons CSV), the JSON-LD expands (Titanium), and the DCAT-AP.de catalogue written by
 * rdf4j parses with Jena and has a catalogue, a dataset per municipality and a CSV and JSON-LD distribution each.
 */
@DisplayName("Search exports: CSV and JSON-LD with provenance, DCAT-AP.de catalogue")
class SearchExportsTest {
    private static final String AS = "https://schema.org/";
    private static final String NS = "https://w3id.org/allmende/ns#";
    private static TestNode node;
    private static SearchCorpus corpus;
    private static URI backfilled, hidden;

    @BeforeAll
    static void publish() {
        node = TestNode.start();
        corpus = SearchCorpus.publish(node);
        TestNode.awaitQuiet(node);
        backfilled = corpus.iri("P1");
        hidden = corpus.iri("L3");
        node.execute("INSERT INTO aggregated_item (object_iri, origin_host, attributed_to, proof_status, via, first_fetched, last_fetched)"
                + " VALUES ('" + backfilled + "', 'musterstadt.example', 'https://musterstadt.example/actors/musterstadt', 'verified',"
                + " 'backfill', '2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z')");
        node.execute("UPDATE post SET visibility = 'followers' WHERE iri = '" + hidden + "'");
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("the CSV of a search has exactly its hits, in its order, with provenance; a followers-only post is never in it")
    void csvIsTheSearch() throws Exception {
        for (String query : List.of("", "q=Haushalt", "field=partizipation", "land=DE-SN&kind=lesson")) {
            List<CSVRecord> rows = csv(query);
            assertEquals(searchIris(query), rows.stream().map(r -> r.get("iri")).toList(), query);
            assertFalse(rows.stream().anyMatch(r -> r.get("iri").equals(hidden.toString())), "followers-only: " + query);
        }
        CSVRecord p1 = csv("q=Bürgerhaushalt").stream().filter(r -> r.get("iri").equals(backfilled.toString())).findFirst().orElseThrow();
        assertEquals("Bürgerhaushalt Musterstadt / Participatory budget Musterstadt", p1.get("title"));
        assertEquals("project", p1.get("kind"));
        assertEquals("partizipation;transparenz", p1.get("fields"));
        assertEquals("musterstadt", p1.get("municipality"));
        assertEquals(node.actorIri("musterstadt").toString(), p1.get("author"));
        assertEquals(Map.of("origin_host", "musterstadt.example", "via", "backfill", "proof_status", "verified", "fetched_at", "2026-11-02T10:00:00Z"),
                Map.of("origin_host", p1.get("origin_host"), "via", p1.get("via"), "proof_status", p1.get("proof_status"), "fetched_at", p1.get("fetched_at")));
        CSVRecord local = csv("municipality=kleinhausen").getFirst();
        assertEquals("local", local.get("via"));
        assertEquals(node.publicUrl().getRawAuthority(), local.get("origin_host"));
        assertEquals("DE-SN", local.get("land"));
        assertEquals("", local.get("proof_status"));
    }

    @Test
    @DisplayName("the JSON-LD of a search expands, with one schema.org item per hit and the provenance in our terms")
    void jsonLdExpands() throws Exception {
        HttpResponse<String> r = node.get("/api/allmende/v1/search.jsonld?q=Haushalt", "application/ld+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(r.body()))).get();
        assertEquals(1, expanded.size());
        JsonObject dataset = expanded.getJsonObject(0);
        assertEquals(AS + "Dataset", dataset.getJsonArray("@type").getString(0));
        List<String> ids = new ArrayList<>();
        JsonObject p1 = null;
        for (JsonValue v : dataset.getJsonArray(AS + "hasPart")) {
            String id = v.asJsonObject().getString("@id");
            ids.add(id);
            if (id.equals(backfilled.toString())) p1 = v.asJsonObject();
        }
        assertEquals(searchIris("q=Haushalt"), ids);
        assertTrue(p1 != null, "the backfilled project is a hit");
        assertEquals("Bürgerhaushalt Musterstadt / Participatory budget Musterstadt", p1.getJsonArray(AS + "name").getJsonObject(0).getString("@value"));
        JsonObject provenance = p1.getJsonArray(NS + "provenance").getJsonObject(0);
        assertEquals("verified", provenance.getJsonArray(NS + "proofStatus").getJsonObject(0).getString("@value"));
        assertEquals("backfill", provenance.getJsonArray(NS + "via").getJsonObject(0).getString("@value"));
        JsonObject fetched = provenance.getJsonArray("http://www.w3.org/ns/prov#generatedAtTime").getJsonObject(0);
        assertEquals("2026-11-02T10:00:00Z", fetched.getString("@value"));
        assertEquals("http://www.w3.org/2001/XMLSchema#dateTime", fetched.getString("@type"));
        assertEquals(node.actorIri("musterstadt").toString(), p1.getJsonArray(AS + "author").getJsonObject(0).getString("@id"));
    }

    @Test
    @DisplayName("the DCAT-AP.de catalogue parses with Jena: a catalogue by the node, a dataset per municipality, CSV and JSON-LD distributions")
    void catalogueParses() {
        HttpResponse<String> r = node.get("/catalog.ttl", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(r.body()), node.url(), "TURTLE");
        List<Resource> catalogs = m.listSubjectsWithProperty(RDF.type, DCAT.Catalog).toList();
        assertEquals(1, catalogs.size());
        Resource catalog = catalogs.getFirst();
        assertTrue(catalog.hasProperty(DCTerms.publisher) && catalog.hasProperty(DCTerms.title) && catalog.hasProperty(DCTerms.description));
        assertEquals("de", catalog.getProperty(DCTerms.title).getLanguage());
        Set<String> identifiers = new TreeSet<>();
        for (Statement s : catalog.listProperties(DCAT.dataset).toList()) {
            Resource d = s.getResource();
            assertTrue(d.hasProperty(RDF.type, DCAT.Dataset));
            identifiers.add(d.getProperty(DCTerms.identifier).getString());
            assertEquals("http://dcat-ap.de/def/licenses/cc-by/4.0", d.getPropertyResourceValue(DCTerms.license).getURI());
            assertTrue(d.hasProperty(DCTerms.publisher) && d.getProperty(DCTerms.title).getString().contains(":"));
            Set<String> formats = new TreeSet<>();
            for (Statement ds : d.listProperties(DCAT.distribution).toList()) {
                Resource dist = ds.getResource();
                assertTrue(dist.hasProperty(RDF.type, DCAT.Distribution));
                String url = dist.getPropertyResourceValue(DCAT.accessURL).getURI();
                assertTrue(url.endsWith("?municipality=" + d.getProperty(DCTerms.identifier).getString()), url);
                formats.add(dist.getPropertyResourceValue(DCTerms.format).getLocalName());
                assertEquals(200, node.get(url.substring(node.url().length()), "*/*").statusCode(), url);
            }
            assertEquals(Set.of("CSV", "JSON_LD"), formats);
        }
        assertEquals(Set.of("kleinhausen", "mittelberg", "musterstadt"), identifiers);
        Resource muster = m.getResource(catalog.getURI() + "#musterstadt");
        var geocoding = m.createProperty("http://dcat-ap.de/def/dcatde/", "politicalGeocodingURI");
        assertEquals("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/09162000", muster.getPropertyResourceValue(geocoding).getURI(),
                "Musterstadt's AGS");
        assertFalse(m.getResource(catalog.getURI() + "#kleinhausen").hasProperty(geocoding), "Kleinhausen gave none");
    }

    @Test
    @DisplayName("bad parameters are a 400 that says why, as the search API's; the cap is 10,000 rows")
    void badParameters() {
        for (String q : List.of("kind=gedicht", "limit=10001", "limit=0", "land=Atlantis", "order=zufall", "year=abc")) {
            for (String path : List.of("/api/allmende/v1/search.csv?", "/api/allmende/v1/search.jsonld?")) {
                HttpResponse<String> r = node.get(path + q, "*/*");
                assertEquals(400, r.statusCode(), path + q + ": " + r.body());
                assertFalse(r.body().contains("Exception"), r.body());
            }
        }
        HttpResponse<String> two = node.get("/api/allmende/v1/search.csv?limit=2", "text/csv");
        assertEquals("true", two.headers().firstValue("X-Truncated").orElse(""));
        assertEquals("false", node.get("/api/allmende/v1/search.csv", "text/csv").headers().firstValue("X-Truncated").orElse(""));
    }

    @Test
    @DisplayName("a text cell that a spreadsheet would run as a formula is kept as text (a leading apostrophe)")
    void noFormulasInCsv() throws Exception {
        var item = new de.allmende.domain.search.ExportItem(URI.create("https://b.example/o/1"), URI.create("https://b.example/o/1"),
                de.allmende.domain.search.SearchKind.NOTE, "=HYPERLINK(\"https://evil.example\")", "de", List.of(), java.time.Instant.EPOCH,
                "x@b.example", "+Gemeinde", URI.create("https://b.example/x"), java.util.Optional.empty(), java.util.Optional.empty(), false,
                new de.allmende.domain.search.ExportItem.Provenance("b.example", "received", java.util.Optional.empty(), java.util.Optional.empty()));
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(SearchCsv.write(List.of(item)))).getRecords().getFirst();
        assertEquals("'=HYPERLINK(\"https://evil.example\")", row.get("title"));
        assertEquals("'+Gemeinde", row.get("municipality_name"));
    }

    private static List<CSVRecord> csv(String query) throws Exception {
        HttpResponse<String> r = node.get("/api/allmende/v1/search.csv?" + query, "text/csv");
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body())).getRecords();
    }

    /** The IRIs of the search API's hits for the same query, in its order (the corpus fits in one page of 50). */
    private static List<String> searchIris(String query) throws Exception {
        HttpResponse<String> r = node.get("/api/allmende/v1/search?limit=50" + (query.isEmpty() ? "" : "&" + query), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = GoldenJson.JSON.readTree(r.body());
        List<String> iris = new ArrayList<>();
        for (JsonNode h : json.path("hits")) iris.add(h.path("uri").asText());
        assertTrue(json.path("total").asInt() <= 50);
        return iris;
    }
}
