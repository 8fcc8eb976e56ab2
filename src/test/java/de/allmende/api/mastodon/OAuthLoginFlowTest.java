package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("An app logs a person in through the real login page with PKCE and acts as the person's municipality")
class OAuthLoginFlowTest {
    static final String REDIRECT = "com.example.allmende.test:/oauth-callback";
    static TestNode node;
    static MastodonApp app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        app = MastodonApp.register(node, REDIRECT, "read write profile");
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("login page → consent → redirect with code and state → token → verify_credentials and userinfo")
    void authorizationCodeWithPkce() {
        LoginBrowser browser = new LoginBrowser("de-DE,de;q=0.9,en;q=0.5");
        String verifier = MastodonApp.verifier();
        HttpResponse<String> login = browser.get(app.authorizeUrl("read write profile", "st4te", verifier));
        assertEquals(200, login.statusCode(), login.body());
        Document page = Jsoup.parse(login.body());
        assertEquals("de", page.selectFirst("html").attr("lang"));
        assertEquals("Benutzername oder E-Mail-Adresse", page.selectFirst("label[for=username]").text());
        assertTrue(login.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src") == false
                && login.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> afterLogin = browser.submit(login, Map.of("username", "Erika@Rathaus.example", "password",
                MastodonApp.PASSWORD, "step", "login"));
        assertEquals(303, afterLogin.statusCode(), "an e-mail address logs in too: " + afterLogin.body());
        HttpResponse<String> consent = browser.follow(afterLogin);
        assertEquals(200, consent.statusCode());
        Document consentPage = Jsoup.parse(consent.body());
        assertTrue(consentPage.text().contains("Test App"), consent.body());
        assertTrue(consentPage.text().contains("Stadt Musterstadt"), "the municipality to act as is named");
        assertTrue(consent.headers().firstValue("Content-Security-Policy").orElseThrow().contains("form-action 'self' com.example.allmende.test:"),
                "the consent form may lead to the app's custom scheme");

        HttpResponse<String> back = browser.submit(consent, Map.of("step", "approve"));
        assertEquals(303, back.statusCode(), back.body());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?code="), location);
        Map<String, String> query = MastodonApp.query(location);
        assertEquals("st4te", query.get("state"));

        HttpResponse<String> token = app.exchange(query.get("code"), REDIRECT, verifier);
        assertEquals(200, token.statusCode(), token.body());
        JsonNode t = StaffClient.json(token);
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals("read write profile", t.get("scope").asText());
        assertTrue(t.get("created_at").isIntegralNumber());
        String accessToken = t.get("access_token").asText();
        assertEquals(0, node.count("SELECT count(*) FROM oauth_token WHERE token_hash = convert_to('" + accessToken + "', 'UTF8')"),
                "only the hash is stored");

        HttpResponse<String> verified = MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", accessToken, null);
        assertEquals(200, verified.statusCode(), verified.body());
        JsonNode a = StaffClient.json(verified);
        assertEquals("Test App", a.get("name").asText());
        assertEquals(REDIRECT, a.get("redirect_uris").get(0).asText());
        assertFalse(a.has("client_secret"), "verify_credentials never shows the secret");

        HttpResponse<String> userinfo = MastodonApp.json(node, "GET", "/oauth/userinfo", accessToken, null);
        assertEquals(200, userinfo.statusCode(), userinfo.body());
        JsonNode u = StaffClient.json(userinfo);
        assertEquals("musterstadt", u.get("preferred_username").asText());
        assertEquals(node.actorIri("musterstadt").toString(), u.get("sub").asText());

        HttpResponse<String> posted = TestNode.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url() + "/oauth/userinfo"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x=1")).build());
        assertEquals(200, posted.statusCode(), "userinfo answers POST too: " + posted.body());

        node.execute("UPDATE login_session SET expires = now() - interval '1 minute'");
        assertTrue(node.node().services().logins.removeExpired() >= 1, "expired sessions are cleaned up");
        assertEquals(0, node.count("SELECT count(*) FROM login_session WHERE expires <= now()"));

        HttpResponse<String> replay = app.exchange(query.get("code"), REDIRECT, verifier);
        assertEquals(400, replay.statusCode(), "a code works once");
        assertEquals("invalid_grant", StaffClient.json(replay).get("error").asText());
    }

    @Test
    @DisplayName("the token acts as the municipality on the staff API, and the audit trail names the person for each change")
    void tokenActsAsMunicipalityAndIsAudited() {
        String token = app.login("erika", "read write");
        String project = ContentFixtures.offenerHaushalt().toString();
        HttpResponse<String> created = MastodonApp.json(node, "POST", "/api/allmende/v1/projects", token, project);
        assertEquals(201, created.statusCode(), created.body());
        String id = StaffClient.json(created).get("id").asText();
        assertEquals(200, MastodonApp.json(node, "PUT", "/api/allmende/v1/projects/" + id, token, project).statusCode());
        assertEquals(204, MastodonApp.json(node, "DELETE", "/api/allmende/v1/projects/" + id, token, null).statusCode());
        assertEquals(3, node.count("SELECT count(*) FROM audit_entry a JOIN person p ON p.id = a.person_id"
                + " WHERE p.username = 'erika' AND a.target_id = '" + id + "' AND a.credential LIKE 'oauth-token:%'"
                + " AND a.action IN ('create', 'update', 'delete')"));
        var entries = node.node().services().audit.list("musterstadt", 10);
        assertEquals("delete", entries.getFirst().action());
        assertEquals("erika", entries.getFirst().username().orElseThrow());

        HttpResponse<String> readOnly = MastodonApp.json(node, "POST", "/api/allmende/v1/projects", app.login("erika", "read"), project);
        assertEquals(403, readOnly.statusCode(), "read does not write");
    }

    @Test
    @DisplayName("English by Accept-Language; out-of-band shows the code on the page")
    void englishAndOutOfBand() {
        MastodonApp oob = MastodonApp.register(node, "urn:ietf:wg:oauth:2.0:oob", "read");
        LoginBrowser browser = new LoginBrowser("en-GB,en;q=0.9");
        String verifier = MastodonApp.verifier();
        HttpResponse<String> login = browser.get(oob.authorizeUrl("read", "s", verifier));
        Document page = Jsoup.parse(login.body());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("Username or e-mail address", page.selectFirst("label[for=username]").text());
        HttpResponse<String> consent = browser.follow(browser.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD,
                "step", "login")));
        HttpResponse<String> shown = browser.submit(consent, Map.of("step", "approve"));
        assertEquals(200, shown.statusCode());
        String code = Jsoup.parse(shown.body()).selectFirst("input#code").attr("value");
        assertEquals(200, oob.exchange(code, "urn:ietf:wg:oauth:2.0:oob", verifier).statusCode());
    }

    @Test
    @DisplayName("login, consent and password pages in German and English: labelled fields, one h1, language, alerts, no script")
    void pagesAreAccessibleWithoutJavaScript() {
        for (String language : new String[]{"de", "en"}) {
            LoginBrowser browser = new LoginBrowser(language);
            HttpResponse<String> login = browser.get(app.authorizeUrl("read", "s", MastodonApp.verifier()));
            assertAccessible(login, language);
            HttpResponse<String> refused = browser.submit(login, Map.of("username", "erika", "password", "nicht-das-passwort", "step", "login"));
            assertAccessible(refused, language);
            assertNotNull(Jsoup.parse(refused.body()).selectFirst("[role=alert]"), "the failure is announced");
            HttpResponse<String> consent = browser.follow(browser.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD,
                    "step", "login")));
            assertAccessible(consent, language);
            assertNotNull(Jsoup.parse(consent.body()).selectFirst("fieldset > legend"), "the choice of municipality is a labelled group");
            String link = node.node().services().people.resetPassword("erika").toString();
            assertAccessible(browser.get(link.replace(node.publicUrl().toString().replaceAll("/$", ""), node.url())), language);
        }
    }

    private static void assertAccessible(HttpResponse<String> page, String language) {
        Document doc = Jsoup.parse(page.body());
        assertEquals(language, doc.selectFirst("html").attr("lang"), page.body());
        assertFalse(doc.title().isBlank());
        assertEquals(1, doc.select("h1").size());
        assertNotNull(doc.getElementById("main"), "the skip link's target");
        assertTrue(doc.select("script").isEmpty());
        for (var input : doc.select("input:not([type=hidden]):not([hidden])")) {
            assertNotNull(doc.selectFirst("label[for=" + input.id() + "]"), () -> "no label for " + input);
        }
        for (var button : doc.select("button")) assertFalse(button.text().isBlank(), button::toString);
        assertTrue(doc.select("input[type=password]").stream().allMatch(i -> i.hasAttr("autocomplete")), "password managers know the fields");
    }
}
