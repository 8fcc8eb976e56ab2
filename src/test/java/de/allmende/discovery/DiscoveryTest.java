package de.allmende.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every discovery document, as Mastodon fetches it, compared with federation-spec/examples. */
@DisplayName("Discovery documents of a node at https://muni.example")
class DiscoveryTest {
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.startAs("https://muni.example");
        node.create(Fixtures.musterstadt());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void webfingerForAcctHandleMatchesGolden() {
        var r = node.get("/.well-known/webfinger?resource=acct:musterstadt@muni.example", "application/jrd+json, application/json");
        assertEquals(200, r.statusCode());
        assertEquals("application/jrd+json; charset=utf-8", contentType(r));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        GoldenJson.assertMatches("webfinger-municipality.json", r.body());
    }

    @Test
    void webfingerForActorUrlAndProfileUrlGivesTheSameAcct() {
        var byUrl = node.get("/.well-known/webfinger?resource=https://muni.example/actors/musterstadt", null);
        var byProfile = node.get("/.well-known/webfinger?resource=https://muni.example/@musterstadt", null);
        GoldenJson.assertMatches("webfinger-municipality.json", byUrl.body());
        GoldenJson.assertMatches("webfinger-municipality.json", byProfile.body());
    }

    @Test
    void webfingerRoundTripIsExactLikeMastodonChecksIt() {
        // Mastodon: actor → acct:preferredUsername@host(id) → WebFinger → self href must equal the actor id.
        JsonNode actor = json(node.get("/actors/musterstadt", "application/activity+json").body());
        String acct = "acct:" + actor.get("preferredUsername").asText() + "@" + java.net.URI.create(actor.get("id").asText()).getHost();
        JsonNode jrd = json(node.get("/.well-known/webfinger?resource=" + acct, null).body());
        assertEquals(acct, jrd.get("subject").asText());
        String self = null;
        for (JsonNode l : jrd.get("links")) if (l.get("rel").asText().equals("self")) self = l.get("href").asText();
        assertEquals(actor.get("id").asText(), self);
    }

    @Test
    void webfingerForServerUrlAndHostAcctFindsTheInstanceActor() {
        GoldenJson.assertMatches("webfinger-server.json", node.get("/.well-known/webfinger?resource=https://muni.example/", null).body());
        GoldenJson.assertMatches("webfinger-instance.json", node.get("/.well-known/webfinger?resource=acct:muni.example@muni.example", null).body());
    }

    @Test
    void webfingerRejectsMissingAndMalformedAndAnswers404ForUnknown() {
        assertEquals(400, node.get("/.well-known/webfinger", null).statusCode());
        assertEquals(400, node.get("/.well-known/webfinger?resource=", null).statusCode());
        assertEquals(400, node.get("/.well-known/webfinger?resource=mailto:x@muni.example", null).statusCode());
        assertEquals(400, node.get("/.well-known/webfinger?resource=acct:nodomain", null).statusCode());
        assertEquals(400, node.get("/.well-known/webfinger?resource=acct:a@muni.example&resource=acct:b@muni.example", null).statusCode());
        assertEquals(404, node.get("/.well-known/webfinger?resource=acct:nobody@muni.example", null).statusCode());
        assertEquals(404, node.get("/.well-known/webfinger?resource=acct:musterstadt@other.example", null).statusCode());
        assertEquals(404, node.get("/.well-known/webfinger?resource=https://other.example/actors/musterstadt", null).statusCode());
        var bad = node.get("/.well-known/webfinger?resource=%25%25", null);
        assertEquals(400, bad.statusCode());
        assertTrue(json(node.get("/.well-known/webfinger", null).body()).get("error").asText().contains("resource"));
    }

    @Test
    void webfingerRelFilterKeepsOnlyRequestedLinks() {
        JsonNode jrd = json(node.get("/.well-known/webfinger?resource=acct:musterstadt@muni.example&rel=self", null).body());
        assertEquals(1, jrd.get("links").size());
    }

    @Test
    void hostMetaPointsToWebfinger() {
        var r = node.get("/.well-known/host-meta", "application/xrd+xml");
        assertEquals(200, r.statusCode());
        assertEquals("application/xrd+xml; charset=utf-8", contentType(r));
        assertTrue(r.body().contains("template=\"https://muni.example/.well-known/webfinger?resource={uri}\""));
    }

    @Test
    void nodeinfoDiscoveryAndDocumentsMatchGolden() {
        var discovery = node.get("/.well-known/nodeinfo", null);
        assertEquals(200, discovery.statusCode());
        GoldenJson.assertMatches("nodeinfo-discovery.json", discovery.body());
        var v20 = node.get("/nodeinfo/2.0", null);
        assertEquals("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"; charset=utf-8", contentType(v20));
        GoldenJson.assertMatches("nodeinfo-2.0.json", v20.body());
        GoldenJson.assertMatches("nodeinfo-2.1.json", node.get("/nodeinfo/2.1", null).body());
    }

    @Test
    void instanceActorIsAnApplicationFetchableWithoutSignature() {
        var r = node.get("/actor", "application/activity+json");
        assertEquals(200, r.statusCode());
        assertEquals("application/activity+json", contentType(r));
        GoldenJson.assertMatches("actor-instance.json", r.body());
        assertEquals(200, node.get("/actor", null).statusCode()); // no Accept, no signature: still JSON
        assertEquals("application/activity+json", contentType(node.get("/actor", null)));
    }

    @Test
    void municipalityActorMatchesGoldenForBothActivityPubAcceptHeaders() {
        var activity = node.get("/actors/musterstadt", "application/activity+json");
        assertEquals("application/activity+json", contentType(activity));
        GoldenJson.assertMatches("actor-municipality.json", activity.body());
        var ld = node.get("/actors/musterstadt", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        assertEquals("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", contentType(ld));
        GoldenJson.assertMatches("actor-municipality.json", ld.body());
        var mastodon = node.get("/actors/musterstadt", "application/activity+json, application/ld+json");
        assertEquals("application/activity+json", contentType(mastodon));
    }

    @Test
    void browsersGetAnAccessibleHtmlProfileWithoutExternalAssets() {
        HttpResponse<String> r = node.get("/actors/musterstadt", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", contentType(r));
        String html = r.body();
        assertTrue(html.contains("<html lang=\"de\">"));
        assertTrue(html.contains("<main") && html.contains("<header") && html.contains("<footer"), "landmarks");
        assertTrue(html.contains("<h1>"));
        assertTrue(html.contains("Stadt Musterstadt"));
        assertTrue(!html.contains("<script") && !html.matches("(?s).*(src|href)=\"https?://(?!muni\\.example|www\\.musterstadt\\.example)[^\"]*\\.(css|js)\".*"), "no external assets");
        assertEquals(200, node.get("/@musterstadt", "text/html").statusCode());
    }

    @Test
    void unknownActorIs404AndCollectionsAnswerInMastodonsShape() {
        assertEquals(404, node.get("/actors/nobody", "application/activity+json").statusCode());
        JsonNode followers = json(node.get("/actors/musterstadt/followers", "application/activity+json").body());
        assertEquals("OrderedCollection", followers.get("type").asText());
        assertEquals("https://muni.example/actors/musterstadt/followers", followers.get("id").asText());
        assertEquals(0, followers.get("totalItems").asInt());
    }

    @Test
    void iconIsAPng() {
        var r = TestNode.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node.node().port() + "/actors/musterstadt/icon.png")).build());
        assertEquals("image/png", contentType(r));
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static JsonNode json(String s) {
        try {
            return GoldenJson.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
