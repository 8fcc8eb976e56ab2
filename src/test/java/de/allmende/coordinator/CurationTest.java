package de.allmende.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.federation.json.Json;
import de.allmende.testkit.CuratingCoordinator;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Curation (issue 11, point 9). Musterstadt (node A) published a project and a lesson; the coordinator Netzwerk
 * Bayern aggregates them, and a Mastodon-like follower follows the coordinator. Staff feature the project from the
 * command line: it is in the coordinator's featured collection, the follower gets one Announce of it, and search (JSON
 * and page) and directory mark it "empfohlen". Unfeaturing undoes each.
 */
@DisplayName("Coordinator: featured items are pinned, announced once and empfohlen in search and directory")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurationTest {
    private CuratingCoordinator scene;
    private TestNode coordinatorNode, a;
    private URI project, lesson;

    @BeforeAll
    void aCoordinatorThatAggregatesAProjectAndALessonAndHasAFollower() {
        scene = CuratingCoordinator.start();
        coordinatorNode = scene.coordinatorNode;
        a = scene.a;
        project = scene.project;
        lesson = scene.lesson;
    }

    @AfterAll
    void stop() {
        if (scene != null) scene.close();
    }

    @Test
    @Order(1)
    void featuringPinsTheItemAnnouncesItOnceAndMarksItInSearchAndDirectory() throws Exception {
        var r = cli("coordinator", "feature", "--coordinator", "netzwerk-bayern", project.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("featured " + project), r.stdout());
        var again = cli("coordinator", "feature", "--coordinator", "netzwerk-bayern", project.toString());
        assertTrue(again.stdout().contains("was featured already"), again.stdout());

        assertEquals(List.of(project.toString()), featured());
        TestNode.awaitQuiet(coordinatorNode, a);
        List<JsonNode> announces = received("Announce");
        assertEquals(1, announces.size(), "one Announce however often it is featured");
        assertEquals(project.toString(), announces.getFirst().get("object").asText());
        assertEquals(1, received("Add").size(), "Mastodon's pin: Add to the featured collection");
        assertEquals(1, scene.boostsAtOrigin(), "the author's node counts the boost");

        var answer = coordinatorNode.get("/api/allmende/v1/search?q=Haushalt", "application/json");
        de.allmende.testkit.OpenApiContract.of(coordinatorNode).check("GET", "/search", answer);
        JsonNode search = Json.MAPPER.readTree(answer.body());
        assertTrue(hit(search, project).get("empfohlen").asBoolean());
        assertFalse(hit(search, lesson).get("empfohlen").asBoolean());
        assertEquals("[{\"value\":\"true\",\"label\":\"empfohlen\",\"count\":1}]", search.at("/facets/empfohlen").toString());
        JsonNode onlyRecommended = json("/api/allmende/v1/search?empfohlen=true");
        assertEquals(1, onlyRecommended.get("total").asInt());
        assertEquals(project.toString(), onlyRecommended.at("/hits/0/uri").asText());
        assertEquals(400, coordinatorNode.get("/api/allmende/v1/search?empfohlen=ja", null).statusCode());

        var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(coordinatorNode.get("/api/allmende/v1/search.csv?q=Haushalt", "text/csv").body())).getRecords();
        assertEquals(List.of(project + "=true"), csv.stream().filter(row -> row.get("empfohlen").equals("true"))
                .map(row -> row.get("iri") + "=true").toList(), "the export marks the recommended item, and only it");
        JsonNode jsonLd = Json.MAPPER.readTree(coordinatorNode.get("/api/allmende/v1/search.jsonld?q=Haushalt", "application/ld+json").body());
        assertTrue(jsonLd.toString().contains("\"empfohlen\":true"), "and so does the JSON-LD export: " + jsonLd);

        String page = coordinatorNode.get("/search?q=Haushalt&lang=de", "text/html").body();
        assertEquals(1, page.split("<strong class=\"recommended\">empfohlen</strong>", -1).length - 1, "one badge: the project's");
        assertTrue(page.contains("<option value=\"true\">empfohlen (1)</option>"), "the facet's choice");

        assertEquals(1, musterstadtInDirectory().get("empfohlen").asInt());
        String directory = coordinatorNode.get("/directory?lang=de", "text/html").body();
        assertTrue(directory.contains("<strong class=\"recommended\">1 empfohlen</strong>"), "the badge");
        assertTrue(directory.contains("<dt>Von der Koordination empfohlen</dt><dd>1</dd>"), "the fact");
        assertTrue(cli("coordinator", "list").stdout().contains("  featured " + project));
    }

    @Test
    @Order(2)
    void unfeaturingUndoesEachOfIt() throws Exception {
        var r = cli("coordinator", "unfeature", "--coordinator", "netzwerk-bayern", project.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(), featured());
        TestNode.awaitQuiet(coordinatorNode, a);
        List<JsonNode> undos = received("Undo");
        assertEquals(1, undos.size());
        assertEquals("Announce", undos.getFirst().at("/object/type").asText());
        assertEquals(received("Announce").getFirst().get("id").asText(), undos.getFirst().at("/object/id").asText());
        assertEquals(1, received("Remove").size());
        assertEquals(0, scene.boostsAtOrigin(), "the boost is taken back at the origin too");

        JsonNode search = json("/api/allmende/v1/search?q=Haushalt");
        assertFalse(hit(search, project).get("empfohlen").asBoolean());
        assertEquals("[]", search.at("/facets/empfohlen").toString());
        assertFalse(coordinatorNode.get("/search?q=Haushalt&lang=de", "text/html").body().contains("class=\"recommended\""));
        assertEquals(0, musterstadtInDirectory().get("empfohlen").asInt());
        assertFalse(coordinatorNode.get("/directory?lang=de", "text/html").body().contains("empfohlen"), "neither badge nor fact");
    }

    @Test
    @Order(3)
    void onlyItemsTheNodeAggregatedCanBeFeaturedAndMistakesAreOneClearLine() {
        assertError(cli("coordinator", "feature", "--coordinator", "netzwerk-bayern", "kein Link"), "error: not an object IRI: 'kein Link'");
        assertError(cli("coordinator", "feature", "--coordinator", "netzwerk-bayern", a.url() + "/objects/unbekannt"),
                "is not an item this node aggregated");
        assertError(cli("coordinator", "feature", "--coordinator", "niemand", project.toString()), "error: --coordinator: no coordinator 'niemand'");
        assertError(cli("coordinator", "unfeature", "--coordinator", "netzwerk-bayern", lesson.toString()), "is not featured by @netzwerk-bayern");
        a.node().services().content.delete(a.actor("musterstadt"), ContentKind.LESSON, scene.lessonId);
        TestNode.await("the delete reached the coordinator", () -> coordinatorNode.count(
                "SELECT count(*) FROM post WHERE deleted IS NOT NULL AND iri = '" + lesson + "'") == 1);
        assertError(cli("coordinator", "feature", "--coordinator", "netzwerk-bayern", lesson.toString()), "was deleted by its author");
    }

    private JsonNode json(String path) throws Exception {
        var r = coordinatorNode.get(path, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode hit(JsonNode search, URI iri) {
        return StreamSupport.stream(search.get("hits").spliterator(), false).filter(h -> h.get("uri").asText().equals(iri.toString()))
                .findFirst().orElseThrow(() -> new AssertionError(iri + " not among " + search.get("hits")));
    }

    private JsonNode musterstadtInDirectory() throws Exception {
        JsonNode dir = json("/directory.json");
        return StreamSupport.stream(dir.get("municipalities").spliterator(), false)
                .filter(m -> m.get("iri").asText().equals(a.actorIri("musterstadt").toString())).findFirst().orElseThrow();
    }

    private static void assertError(NodeProcess.Result r, String expected) {
        assertTrue(r.exitCode() != 0, "exit code " + r.exitCode());
        assertTrue(r.stderr().contains(expected), r.stderr());
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), "no stack trace: " + r.stderr());
    }

    private NodeProcess.Result cli(String... args) {
        return scene.cli(args);
    }

    private List<String> featured() {
        return scene.featured();
    }

    private List<JsonNode> received(String type) {
        return scene.received(type);
    }
}
