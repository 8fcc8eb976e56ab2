package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.Scope;
import de.allmende.testkit.CuratingCoordinator;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.StaffClient;
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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static de.allmende.testkit.StaffClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Curation from the staff API (issue 11, point 9): the coordinator's staff feature and unfeature with a token of the
 * coordinator, as the CLI does (CurationTest), and get the same effects — pinned, announced once, "empfohlen" in search.
 * A municipality's token changes nothing; every answer, refusals included, is one the OpenAPI document promises.
 */
@DisplayName("Staff API: a coordinator's token features and unfeatures; a municipality's token gets 403")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeaturedRoutesTest {
    private CuratingCoordinator scene;
    private TestNode node;
    private StaffClient coordinator, municipality, readOnly;

    @BeforeAll
    void aCoordinatorWithTokensAndAMunicipalityOnItsNode() {
        scene = CuratingCoordinator.start();
        node = scene.coordinatorNode;
        node.create(Fixtures.beispieldorf());
        coordinator = StaffClient.issue(node, CuratingCoordinator.HANDLE, Scope.READ_CONTENT, Scope.WRITE_CONTENT);
        municipality = StaffClient.issue(node, "beispieldorf", Scope.READ_CONTENT, Scope.WRITE_CONTENT);
        readOnly = StaffClient.issue(node, CuratingCoordinator.HANDLE, Scope.READ_CONTENT);
    }

    @AfterAll
    void stop() {
        if (scene != null) scene.close();
    }

    @Test
    @Order(1)
    void featuringPinsAnnouncesOnceAndMarksItEmpfohlen() throws Exception {
        var r = feature(coordinator, scene.project);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").isEmpty(), "nothing of ours to point at");
        JsonNode item = json(r);
        assertEquals(scene.project.toString(), item.get("object").asText());
        assertEquals("project", item.get("kind").asText());
        assertFalse(item.get("title").asText().isBlank(), item.toString());
        assertEquals("musterstadt@" + scene.a.publicUrl().getRawAuthority(), item.get("municipality").asText());

        var again = feature(coordinator, scene.project);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(item, json(again));

        assertEquals(List.of(scene.project.toString()), scene.featured());
        TestNode.awaitQuiet(node, scene.a);
        assertEquals(1, scene.received("Announce").size(), "one Announce however often it is featured");
        assertEquals(1, scene.received("Add").size(), "one Add to the featured collection");
        assertEquals(1, scene.boostsAtOrigin());
        JsonNode search = de.allmende.federation.json.Json.MAPPER.readTree(
                node.get("/api/allmende/v1/search?empfohlen=true", "application/json").body());
        assertEquals(scene.project.toString(), search.at("/hits/0/uri").asText());
        assertEquals(1, search.get("total").asInt());

        var list = coordinator.get("/featured");
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(1, json(list).get("items").size());
        assertEquals(item, json(list).at("/items/0"));
        assertEquals(1, audited("create"), "the audit trail names the token");
    }

    @Test
    @Order(2)
    void aMunicipalitysTokenChangesNothing() {
        long pins = pins();
        for (var r : List.of(feature(municipality, scene.lesson), municipality.get("/featured"), unfeature(municipality, scene.project))) {
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(json(r).get("error").asText().startsWith("only a coordinator features items"), r.body());
        }
        assertEquals(pins, pins(), "no pin made or taken");
        assertEquals(List.of(scene.project.toString()), scene.featured());
    }

    @Test
    @Order(3)
    void aTokenWithoutTheScopeOrNoTokenIsRefusedAsOnEveryStaffRoute() {
        var noWrite = feature(readOnly, scene.lesson);
        assertEquals(403, noWrite.statusCode(), noWrite.body());
        assertTrue(noWrite.headers().firstValue("WWW-Authenticate").orElseThrow().contains("insufficient_scope"));
        assertEquals(403, unfeature(readOnly, scene.project).statusCode());
        assertEquals(200, readOnly.get("/featured").statusCode(), "reading needs read:content only");
        var noToken = feature(coordinator.withToken(null), scene.lesson);
        assertEquals(401, noToken.statusCode(), noToken.body());
        assertEquals(401, coordinator.withToken("allmende_unknown").get("/featured").statusCode());
        assertEquals(List.of(scene.project.toString()), scene.featured());
    }

    @Test
    @Order(4)
    void badInputIsA4xxThatSaysWhat() {
        for (String body : List.of("", "nicht json", "[]", "{}", "{\"object\":42}", "{\"object\":\"  \"}", "{\"object\":\"kein Link\"}",
                "{\"object\":\"" + scene.lesson + "\",\"extra\":1}", "{\"object\":\"a\",\"object\":\"b\"}")) {
            var r = coordinator.post("/featured", body);
            assertEquals(400, r.statusCode(), body + " → " + r.body());
        }
        var notJson = coordinator.send("POST", "/featured", HttpRequest.BodyPublishers.ofString("object=x"), "application/x-www-form-urlencoded");
        assertEquals(415, notJson.statusCode(), notJson.body());
        var unknown = feature(coordinator, URI.create(scene.a.url() + "/objects/unbekannt"));
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(json(unknown).get("error").asText().contains("is not an item this node aggregated"));

        assertEquals(400, coordinator.delete("/featured").statusCode(), "no object named");
        assertEquals(400, coordinator.delete("/featured?object=a&object=b").statusCode(), "two named");
        assertEquals(400, coordinator.delete("/featured?object={iri}", encoded("kein Link")).statusCode());
        assertEquals(404, unfeature(coordinator, scene.lesson).statusCode(), "the lesson is not featured");
        assertEquals(List.of(scene.project.toString()), scene.featured());
    }

    @Test
    @Order(5)
    void unfeaturingTakesItBack() {
        var r = unfeature(coordinator, scene.project);
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(List.of(), scene.featured());
        assertEquals("[]", json(coordinator.get("/featured")).get("items").toString());
        TestNode.awaitQuiet(node, scene.a);
        assertEquals(1, scene.received("Undo").size());
        assertEquals(1, scene.received("Remove").size());
        assertEquals(0, scene.boostsAtOrigin());
        assertEquals(0, node.count("SELECT count(*) FROM search_document d JOIN post p ON p.id = d.post_id WHERE "
                + String.format(de.allmende.store.CurationStore.RECOMMENDED, "p.id")), "nothing empfohlen any more");
        assertEquals(1, audited("delete"));
        assertEquals(404, unfeature(coordinator, scene.project).statusCode(), "not featured any more");
    }

    private HttpResponse<String> feature(StaffClient client, URI object) {
        return client.post("/featured", "{\"object\":\"" + object + "\"}");
    }

    private HttpResponse<String> unfeature(StaffClient client, URI object) {
        return client.delete("/featured?object={iri}", encoded(object.toString()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long pins() {
        return node.count("SELECT count(*) FROM status_pin");
    }

    private long audited(String action) {
        return node.count("SELECT count(*) FROM audit_entry WHERE target_kind = 'featured' AND action = '" + action + "'");
    }
}
