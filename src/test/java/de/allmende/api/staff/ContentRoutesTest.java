package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.Scope;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static de.allmende.testkit.StaffClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Publishing content through the staff API")
class ContentRoutesTest {
    private static TestNode node;
    private static StaffClient staff;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        staff = StaffClient.issue(node, "musterstadt", Scope.READ_CONTENT, Scope.WRITE_CONTENT, Scope.WRITE_MEDIA);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyKindCanBeCreatedReadListedEditedAndDeleted() {
        JsonNode project = created("/projects", ContentFixtures.offenerHaushalt());
        URI projectIri = URI.create(project.get("iri").asText());
        String pdf = json(staff.upload(new Multipart().file("file", "Musterbeschluss.pdf", "application/pdf", SampleFiles.pdf())))
                .get("id").asText();
        JsonNode update = created("/updates", ContentFixtures.haushaltUpdate(projectIri));
        JsonNode event = created("/events", ContentFixtures.werkstatt(projectIri));
        JsonNode lesson = created("/lessons", ContentFixtures.ratFruehEinbinden(projectIri));
        JsonNode aid = created("/aids", ContentFixtures.musterbeschluss(pdf));
        assertEquals(pdf, aid.at("/files/0/id").asText());
        assertEquals(node.url() + "/media/" + pdf, aid.at("/files/0/url").asText());

        // The update moved the project to its new status.
        assertEquals("verstetigt", json(staff.get("/projects/{id}", project.get("id").asText())).at("/status/value").asText());
        for (var c : List.of(new String[]{"/updates", update.get("id").asText()}, new String[]{"/events", event.get("id").asText()},
                new String[]{"/lessons", lesson.get("id").asText()}, new String[]{"/aids", aid.get("id").asText()})) {
            HttpResponse<String> one = staff.get(c[0] + "/{id}", c[1]);
            assertEquals(200, one.statusCode(), one.body());
            assertEquals(List.of(c[1]), ids(staff.get(c[0])));
        }

        ObjectNode edited = ContentFixtures.werkstatt(projectIri);
        edited.put("status", "postponed");
        HttpResponse<String> put = staff.put("/events/{id}", edited.toString(), event.get("id").asText());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("postponed", json(put).get("status").asText());
        assertTrue(json(put).get("updated").asText().compareTo(event.get("updated").asText()) > 0);

        assertEquals(204, staff.delete("/events/{id}", event.get("id").asText()).statusCode());
        assertEquals(410, staff.get("/events/{id}", event.get("id").asText()).statusCode());
        assertEquals(410, staff.put("/events/{id}", edited.toString(), event.get("id").asText()).statusCode());
        assertEquals(List.of(), ids(staff.get("/events")));
    }

    @Test
    void invalidInputIsA422NamingEachField() {
        ObjectNode input = ContentFixtures.offenerHaushalt();
        input.remove("title");
        input.put("colour", "grün");
        input.putObject("status").put("value", "fertig").put("asOf", "2026-03-01");
        JsonNode details = json(expect(422, staff.post("/projects", input.toString()))).get("details");
        assertTrue(details.has("title") && details.has("colour") && details.has("status.value"), details.toString());

        ObjectNode withSummary = ContentFixtures.haushaltUpdate(URI.create(node.url() + "/objects/" + java.util.UUID.randomUUID()));
        withSummary.putObject("summary").put("de", "Kurz");
        JsonNode updateErrors = json(expect(422, staff.post("/updates", withSummary.toString()))).get("details");
        assertTrue(updateErrors.has("summary"), updateErrors.toString());
        withSummary.remove("summary");
        assertTrue(json(expect(422, staff.post("/updates", withSummary.toString()))).get("details").has("project"), "no such local project");

        expect(400, staff.post("/projects", "{\"title\": "));
        expect(415, staff.send("POST", "/projects", HttpRequest.BodyPublishers.ofString("title=x"), "application/x-www-form-urlencoded"));
        assertEquals(0, node.count("SELECT count(*) FROM content WHERE data->'title'->>'de' IS NULL"));
    }

    @Test
    void listingsPageWithACursorAndFilter() {
        StaffClient dorf = StaffClient.issue(node, "beispieldorf", Scope.READ_CONTENT, Scope.WRITE_CONTENT);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode p = ContentFixtures.offenerHaushalt();
            ((ObjectNode) p.get("title")).put("de", "Projekt " + i);
            if (i % 2 == 0) p.putArray("fieldsOfAction").add("partizipation");
            if (i == 4) p.putObject("status").put("value", "geplant").put("asOf", "2026-01-01");
            made.add(created(dorf, "/projects", p).get("id").asText());
        }

        List<String> seen = new ArrayList<>();
        HttpResponse<String> page = dorf.get("/projects?limit=2");
        int pages = 1;
        while (true) {
            seen.addAll(ids(page));
            String next = json(page).get("next").asText(null);
            if (next == null) {
                assertTrue(page.headers().firstValue("Link").isEmpty());
                break;
            }
            String link = page.headers().firstValue("Link").orElseThrow();
            assertTrue(link.startsWith("<" + node.url() + "/api/allmende/v1/projects?limit=2&cursor=") && link.endsWith(">; rel=\"next\""), link);
            page = dorf.get("/projects?" + link.substring(link.indexOf('?') + 1, link.indexOf('>')));
            pages++;
        }
        // Newest first; content published within the same second is ordered by id.
        assertEquals(new HashSet<>(made), new HashSet<>(seen), "each once");
        assertEquals(made.size(), seen.size(), "each once");
        assertEquals(3, pages);

        assertEquals(Set.of(made.get(0), made.get(2), made.get(4)),
                new HashSet<>(ids(dorf.get("/projects?fieldOfAction=partizipation"))));
        assertEquals(List.of(made.get(4)), ids(dorf.get("/projects?status=geplant")));
        assertEquals(5, ids(dorf.get("/projects?updatedSince=2020-01-01")).size());
        assertEquals(List.of(), ids(dorf.get("/projects?updatedSince=2999-01-01T00:00:00Z")));
        assertEquals(List.of(), ids(staff.get("/projects?status=geplant")), "another municipality's content is not listed");
        assertEquals(404, staff.get("/projects/{id}", made.get(4)).statusCode());

        JsonNode bad = json(expect(422, dorf.get("/projects?limit=500&status=fertig&colour=rot&from=2026-01-01"))).get("details");
        assertTrue(bad.has("limit") && bad.has("status") && bad.has("colour") && bad.has("from"), bad.toString());
        expect(422, dorf.get("/projects?cursor=bm9wZQ"));
    }

    @Test
    void eventsAndUpdatesFilterByProjectAndTime() {
        JsonNode project = created("/projects", ContentFixtures.offenerHaushalt());
        URI iri = URI.create(project.get("iri").asText());
        String event = created("/events", ContentFixtures.werkstatt(iri)).get("id").asText(); // 2026-03-03 18:00 Berlin
        ObjectNode elsewhere = ContentFixtures.werkstatt(URI.create("https://beispieldorf.example/objects/1"));
        elsewhere.put("start", "2026-05-01T10:00").put("end", "2026-05-01T12:00");
        String other = created("/events", elsewhere).get("id").asText();

        assertEquals(List.of(event), ids(staff.get("/events?project=" + project.get("id").asText())));
        assertEquals(List.of(event), ids(staff.get("/events?project=" + iri)));
        assertEquals(List.of(event), ids(staff.get("/events?from=2026-03-03&to=2026-03-04")));
        assertEquals(List.of(other), ids(staff.get("/events?from=2026-03-03T17:00:01Z")));
        assertTrue(json(expect(422, staff.get("/events?status=laufend"))).get("details").has("status"));
    }

    @Test
    void scopesSeparateReadingFromWriting() {
        StaffClient reader = StaffClient.issue(node, "musterstadt", Scope.READ_CONTENT);
        StaffClient writer = StaffClient.issue(node, "musterstadt", Scope.WRITE_CONTENT);
        expect(403, reader.post("/projects", ContentFixtures.offenerHaushalt().toString()));
        expect(403, writer.get("/projects"));
        String id = created(writer, "/projects", ContentFixtures.offenerHaushalt()).get("id").asText();
        expect(200, reader.get("/projects/{id}", id));
        expect(403, reader.delete("/projects/{id}", id));
    }

    private static JsonNode created(String collection, ObjectNode input) {
        return created(staff, collection, input);
    }

    private static JsonNode created(StaffClient client, String collection, ObjectNode input) {
        HttpResponse<String> r = expect(201, client.post(collection, input.toString()));
        JsonNode c = json(r);
        assertEquals("/api/allmende/v1" + collection + "/" + c.get("id").asText(), r.headers().firstValue("Location").orElseThrow());
        assertFalse(c.get("iri").asText().isEmpty());
        return c;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    private static List<String> ids(HttpResponse<String> page) {
        List<String> out = new ArrayList<>();
        json(expect(200, page)).get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }
}
