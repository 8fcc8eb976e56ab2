package de.allmende.api.staff;

import de.allmende.domain.Scope;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Staff API tokens: who may do what")
class StaffAuthTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void withoutAValidTokenTheAnswerIs401WithABearerChallenge() {
        StaffClient anonymous = StaffClient.issue(node, "musterstadt", Scope.WRITE_MEDIA).withToken(null);
        HttpResponse<String> none = anonymous.get("/media/{id}", UUID.randomUUID());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"allmende\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());

        HttpResponse<String> unknown = anonymous.withToken("alm_" + "A".repeat(43)).get("/media/{id}", UUID.randomUUID());
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(unknown.body().contains("invalid_token"));
    }

    @Test
    void aTokenWithoutTheRoutesScopeGets403InsufficientScope() {
        StaffClient reader = StaffClient.issue(node, "musterstadt", Scope.READ_CONTENT, Scope.WRITE_CONTENT);
        long before = node.count("SELECT count(*) FROM media");
        HttpResponse<String> r = reader.upload(new Multipart().file("file", "plan.png", "image/png", SampleFiles.png()));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("insufficient_scope"));
        assertEquals("Bearer realm=\"allmende\", error=\"insufficient_scope\", scope=\"write:media\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(before, node.count("SELECT count(*) FROM media"));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        StaffClient staff = StaffClient.issue(node, "musterstadt", Scope.WRITE_MEDIA);
        assertEquals(404, staff.get("/media/{id}", UUID.randomUUID()).statusCode());
        long id = node.count("SELECT max(id) FROM access_token");
        node.node().services().tokens.revoke(id);
        assertEquals(401, staff.get("/media/{id}", UUID.randomUUID()).statusCode());
    }

    @Test
    void useIsRecordedAtMostOncePerMinute() {
        StaffClient staff = StaffClient.issue(node, "beispieldorf", Scope.WRITE_MEDIA);
        long id = node.count("SELECT max(id) FROM access_token");
        assertEquals(0, node.count("SELECT count(*) FROM access_token WHERE id = " + id + " AND last_used IS NOT NULL"));
        staff.get("/media/{id}", UUID.randomUUID());
        long first = node.count("SELECT extract(epoch FROM last_used) * 1000000 FROM access_token WHERE id = " + id);
        staff.get("/media/{id}", UUID.randomUUID());
        staff.get("/media/{id}", UUID.randomUUID());
        assertEquals(first, node.count("SELECT extract(epoch FROM last_used) * 1000000 FROM access_token WHERE id = " + id));
    }

    @Test
    void aTokenActsOnlyForItsMunicipality() {
        StaffClient muster = StaffClient.issue(node, "musterstadt", Scope.WRITE_MEDIA);
        StaffClient dorf = StaffClient.issue(node, "beispieldorf", Scope.WRITE_MEDIA);
        HttpResponse<String> up = muster.upload(new Multipart().file("file", "wappen.png", "image/png", SampleFiles.png()));
        assertEquals(201, up.statusCode(), up.body());
        String id = StaffClient.json(up).get("id").asText();
        assertEquals(404, dorf.get("/media/{id}", id).statusCode());
        assertEquals(404, dorf.delete("/media/{id}", id).statusCode());
        assertEquals(200, muster.get("/media/{id}", id).statusCode());
    }

    @Test
    void theDocumentIsPublicAndOtherPathsNeedAToken() {
        assertEquals(200, node.get("/api/allmende/v1/openapi.json", null).statusCode());
        assertEquals(401, node.get("/api/allmende/v1/nothing-here", null).statusCode());
    }

    @Test
    void aRefusedUploadDoesNotSpoilTheConnectionForTheNextRequest() {
        StaffClient staff = StaffClient.issue(node, "musterstadt", Scope.WRITE_MEDIA);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = staff.withToken(null)
                    .upload(new Multipart().file("file", "big.pdf", "application/pdf", new byte[2 * 1024 * 1024]));
            assertEquals(401, refused.statusCode());
            HttpResponse<String> ok = staff.upload(new Multipart().file("file", "plan.png", "image/png", SampleFiles.png()));
            assertEquals(201, ok.statusCode(), ok.body());
        }
    }
}
