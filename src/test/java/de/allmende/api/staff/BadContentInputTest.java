package de.allmende.api.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.ContentKind;
import de.allmende.domain.Scope;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad content input through the staff API: each request is refused with the right status and the
 * fields named, and nothing at all is written — no content, object, activity, delivery or domain event.
 */
class BadContentInputTest {
    private static final List<String> TABLES = List.of("content", "ap_object", "activity", "delivery", "media", "domain_event");
    private static TestNode node;
    private static StaffClient staff;
    private static URI project;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        staff = StaffClient.issue(node, "musterstadt", Scope.WRITE_CONTENT, Scope.READ_CONTENT, Scope.WRITE_MEDIA);
        project = URI.create(StaffClient.json(staff.post("/projects", ContentFixtures.offenerHaushalt().toString())).get("iri").asText());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void invalidAgsDatesVocabularyAndTimesAre422WithFieldMessagesAndNothingStored() {
        ObjectNode p = ContentFixtures.offenerHaushalt();
        p.putArray("partners").addObject().put("name", "Nachbargemeinde").put("ags", "1234567X");
        ((ObjectNode) p.get("status")).put("asOf", "2026-13-01");
        p.putArray("openness").add("offenheit");
        refused(ContentKind.PROJECT, p, 422, "partners.ags", "status.asOf", "openness");

        ObjectNode e = ContentFixtures.werkstatt(project);
        e.put("end", "2026-03-03T17:00").put("timeZone", "Mitteleuropa").put("joinMode", "anmelden");
        refused(ContentKind.EVENT, e, 422, "end", "timeZone", "joinMode");

        ObjectNode l = ContentFixtures.ratFruehEinbinden(project);
        l.put("lessonType", "tipp");
        ((ObjectNode) l.get("transferability")).put("level", "sehr hoch");
        refused(ContentKind.LESSON, l, 422, "lessonType", "transferability.level");

        ObjectNode a = ContentFixtures.musterbeschluss("0c7f6a52-1111-4d4e-9c1e-2a3b4c5d6e7f");
        a.put("aidKind", "handbuch");
        refused(ContentKind.AID, a, 422, "aidKind", "files");

        ObjectNode u = ContentFixtures.haushaltUpdate(project);
        u.put("project", 42);
        refused(ContentKind.UPDATE, u, 422, "project");

        ObjectNode wrongType = ContentFixtures.offenerHaushalt();
        wrongType.put("fieldsOfAction", "transparenz");
        refused(ContentKind.PROJECT, wrongType, 422, "fieldsOfAction");
    }

    @Test
    void oversizedAndNonJsonBodiesAreRefusedBeforeAnythingHappens() {
        long[] before = counts();
        ObjectNode big = ContentFixtures.offenerHaushalt();
        big.putObject("body").put("de", "x".repeat(3_000_000));
        assertEquals(413, staff.post("/projects", big.toString()).statusCode());
        assertEquals(400, staff.post("/projects", "[1, 2").statusCode());
        assertEquals(422, staff.post("/projects", "[]").statusCode(), "a JSON array is no content object");
        assertEquals(422, staff.post("/projects", "").statusCode(), "an empty body is no content object either");
        assertArrayEquals(before, counts(), "nothing written");
    }

    @Test
    void bodiesAreReadAsStrictlyAsSignedActivities() {
        long[] before = counts();
        String valid = ContentFixtures.offenerHaushalt().toString();
        String rest = valid.substring(1); // after the opening brace, to put a field first
        for (String body : List.of(valid + valid, valid + " x", "{\"title\":{\"de\":\"A\"}," + rest, "{\"n\":1e999999," + rest,
                "{\"t\":\"\\u0000\"," + rest, "{\"t\":\"\\ud800\"," + rest)) {
            HttpResponse<String> r = staff.post("/projects", body);
            assertEquals(400, r.statusCode(), () -> body.substring(0, 60) + " → " + r.body());
            assertTrue(r.body().contains("not valid JSON"), r.body());
        }
        assertArrayEquals(before, counts(), "nothing written");
    }

    private static void refused(ContentKind kind, ObjectNode input, int status, String... fields) {
        long[] before = counts();
        HttpResponse<String> r = staff.post("/" + kind.plural(), input.toString());
        assertEquals(status, r.statusCode(), r.body());
        JsonNode details = StaffClient.json(r).get("details");
        for (String f : fields) {
            assertTrue(details.has(f) && !details.get(f).get(0).asText().isBlank(), kind + ": expected a message for " + f + " in " + details);
        }
        long[] after = counts();
        for (int i = 0; i < TABLES.size(); i++) assertEquals(before[i], after[i], kind + ": nothing written to " + TABLES.get(i));
    }

    private static long[] counts() {
        return TABLES.stream().mapToLong(t -> node.count("SELECT count(*) FROM " + t)).toArray();
    }
}
