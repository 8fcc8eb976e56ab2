package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.api.Responses;
import de.allmende.testkit.MastoJsClient;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What apps read before anyone logs in answers in Mastodon's shapes, to anyone, from any origin. */
@DisplayName("Client API before login: instance v2 and v1, custom emojis, trends")
class InstanceApiTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("instance v2 is Mastodon's Instance entity with a version apps parse as Mastodon 4.2, registrations closed")
    void instanceV2() throws Exception {
        JsonNode v2 = get("/api/v2/instance");
        MastodonEntities.assertShape("Instance", v2);
        assertEquals(node.publicUrl().getRawAuthority(), v2.path("domain").asText());
        assertTrue(v2.path("version").asText().matches("4\\.2\\.0 \\(compatible; Allmende .+\\)"), v2.path("version").asText());
        assertEquals(5000, v2.at("/configuration/statuses/max_characters").asInt());
        assertTrue(v2.at("/configuration/urls/streaming").asText().startsWith("ws"));
        assertEquals(false, v2.at("/registrations/enabled").asBoolean(true));
    }

    @Test
    @DisplayName("instance v1 is Mastodon's V1Instance entity")
    void instanceV1() throws Exception {
        JsonNode v1 = get("/api/v1/instance");
        MastodonEntities.assertShape("V1Instance", v1);
        assertEquals(node.publicUrl().getRawAuthority(), v1.path("uri").asText());
    }

    @Test
    @DisplayName("custom emojis and trends answer empty lists, not 404")
    void emptyLists() throws Exception {
        for (String path : new String[]{"/api/v1/custom_emojis", "/api/v1/trends/tags", "/api/v1/trends/statuses", "/api/v1/trends/links"}) {
            JsonNode list = get(path);
            assertTrue(list.isArray() && list.isEmpty(), path + " → " + list);
        }
    }

    @Test
    @DisplayName("after login: preferences (a municipality posts publicly, in German) and announcements; without a token 401")
    void sessionStart() throws Exception {
        de.allmende.testkit.MastodonApp.person(node, "kaemmerin", node.create(de.allmende.testkit.Fixtures.musterstadt()).handle(),
                de.allmende.domain.people.Role.EDITOR);
        String token = de.allmende.testkit.MastodonApp.register(node, "https://app.example/callback", "read write").login("kaemmerin", "read");
        HttpResponse<String> prefs = de.allmende.testkit.MastodonApp.json(node, "GET", "/api/v1/preferences", token, null);
        assertEquals(200, prefs.statusCode(), prefs::body);
        JsonNode p = Responses.JSON.readTree(prefs.body());
        assertEquals("public", p.path("posting:default:visibility").asText());
        assertEquals("de", p.path("posting:default:language").asText());
        HttpResponse<String> announcements = de.allmende.testkit.MastodonApp.json(node, "GET", "/api/v1/announcements", token, null);
        assertEquals("[]", announcements.body());
        assertEquals(401, de.allmende.testkit.MastodonApp.json(node, "GET", "/api/v1/preferences", null, null).statusCode());
    }

    @Test
    @DisplayName("masto.js (npm) reads the instance, custom emojis and trends")
    void mastoJs() {
        JsonNode r = MastoJsClient.run("instance.mjs", node.url());
        assertEquals(node.publicUrl().getRawAuthority(), r.at("/v2/domain").asText(), r.toString());
        assertEquals(5000, r.at("/v2/maxCharacters").asInt(), r.toString());
        assertEquals(r.at("/v2/version").asText(), r.at("/v1/version").asText());
        assertEquals(0, r.at("/emojis").asInt());
        assertEquals(0, r.at("/tags").asInt());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Origin", "https://elk.zone").GET().build());
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "CORS for browser apps");
        return Responses.JSON.readTree(r.body());
    }
}
