package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("OAuth refuses what it must, as Mastodon answers, and writes nothing when it does")
class OAuthRefusalsTest {
    static final String REDIRECT = "https://app.example/callback";
    static TestNode node;
    static MastodonApp app;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "max", "musterstadt", Role.ADMIN);
        MastodonApp.person(node, "leo", "musterstadt", Role.EDITOR);
        app = MastodonApp.register(node, REDIRECT, "read write");
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("a wrong verifier or redirect URI gets invalid_grant (400), issues no token, and burns the code")
    void wrongVerifierOrRedirect() {
        String verifier = MastodonApp.verifier();
        String code = app.authorize(new LoginBrowser("de"), "erika", "read", verifier);
        long tokensBefore = node.count("SELECT count(*) FROM oauth_token");
        HttpResponse<String> wrongVerifier = app.exchange(code, REDIRECT, MastodonApp.verifier());
        assertEquals(400, wrongVerifier.statusCode());
        JsonNode error = StaffClient.json(wrongVerifier);
        assertEquals("invalid_grant", error.get("error").asText());
        assertTrue(error.get("error_description").asText().contains("invalid"));
        assertEquals(400, app.exchange(code, REDIRECT, verifier).statusCode(), "the code is gone after a wrong guess");

        String second = app.authorize(new LoginBrowser("de"), "erika", "read", verifier);
        assertEquals(400, app.exchange(second, REDIRECT + "/other", verifier).statusCode());
        String third = app.authorize(new LoginBrowser("de"), "erika", "read", verifier);
        assertEquals(400, app.exchange(third, REDIRECT, null).statusCode(), "a challenged code needs its verifier");
        assertEquals(tokensBefore, node.count("SELECT count(*) FROM oauth_token"));
    }

    @Test
    @DisplayName("an unregistered redirect URI or unknown client gets an error page, never a redirect")
    void unregisteredRedirectIsNotFollowed() {
        LoginBrowser browser = new LoginBrowser("de");
        HttpResponse<String> page = browser.get(node.url() + "/oauth/authorize?response_type=code&client_id=" + app.clientId
                + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback%2F");
        assertEquals(400, page.statusCode());
        assertTrue(page.headers().firstValue("Location").isEmpty());
        assertEquals(400, browser.get(node.url() + "/oauth/authorize?response_type=code&client_id=nobody&redirect_uri=" + REDIRECT).statusCode());
        HttpResponse<String> badScope = browser.get(app.authorizeUrl("admin:write", "s", MastodonApp.verifier()));
        assertEquals(303, badScope.statusCode(), "errors about the request itself go back to the app");
        assertEquals("invalid_scope", MastodonApp.query(badScope.headers().firstValue("Location").orElseThrow()).get("error"));
    }

    @Test
    @DisplayName("a form without the browser's CSRF token gets 403: no session, no code")
    void csrf() {
        LoginBrowser browser = new LoginBrowser("de");
        HttpResponse<String> login = browser.get(app.authorizeUrl("read", "s", MastodonApp.verifier()));
        long sessions = node.count("SELECT count(*) FROM login_session");
        HttpResponse<String> forged = browser.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD,
                "step", "login", "csrf", "A".repeat(43)));
        assertEquals(403, forged.statusCode());
        LoginBrowser stranger = new LoginBrowser("de"); // another site's form: the token, but not the cookie
        assertEquals(403, stranger.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD, "step", "login")).statusCode());
        assertEquals(sessions, node.count("SELECT count(*) FROM login_session"));

        HttpResponse<String> consent = browser.follow(browser.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD, "step", "login")));
        long codes = node.count("SELECT count(*) FROM oauth_code");
        assertEquals(403, browser.submit(consent, Map.of("step", "approve", "csrf", "")).statusCode());
        assertEquals(codes, node.count("SELECT count(*) FROM oauth_code"));
    }

    @Test
    @DisplayName("after 5 failed logins the account is locked with a clear message, even for the right password")
    void lockout() {
        LoginBrowser browser = new LoginBrowser("de");
        HttpResponse<String> login = browser.get(app.authorizeUrl("read", "s", MastodonApp.verifier()));
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = browser.submit(login, Map.of("username", "leo", "password", "falsch-" + i, "step", "login"));
            assertEquals(401, wrong.statusCode());
            assertTrue(Jsoup.parse(wrong.body()).selectFirst("[role=alert]").text().contains("falsch"), wrong.body());
        }
        HttpResponse<String> fifth = browser.submit(login, Map.of("username", "leo", "password", "falsch-5", "step", "login"));
        assertEquals(429, fifth.statusCode());
        String message = Jsoup.parse(fifth.body()).selectFirst("[role=alert]").text();
        assertTrue(message.startsWith("Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto. Die Anmeldung ist bis "), message);
        assertTrue(fifth.headers().firstValue("Retry-After").isPresent());
        HttpResponse<String> right = browser.submit(login, Map.of("username", "leo", "password", MastodonApp.PASSWORD, "step", "login"));
        assertEquals(429, right.statusCode(), "locked means locked");
        assertEquals(1, node.count("SELECT count(*) FROM login_throttle WHERE key = 'account:leo' AND locked_until > now()"));
        assertEquals(0, node.count("SELECT count(*) FROM login_session s JOIN person p ON p.id = s.person_id WHERE p.username = 'leo'"));
    }

    @Test
    @DisplayName("twenty failures from one address (behind the proxy) lock that address, not the others")
    void addressLockout() {
        LoginBrowser attacker = new LoginBrowser("en", "203.0.113.7");
        HttpResponse<String> login = attacker.get(app.authorizeUrl("read", "s", MastodonApp.verifier()));
        HttpResponse<String> last = null;
        for (int i = 1; i <= 20; i++) {
            last = attacker.submit(login, Map.of("username", "nobody" + i, "password", "guess", "step", "login"));
        }
        assertEquals(429, last.statusCode());
        assertTrue(Jsoup.parse(last.body()).selectFirst("[role=alert]").text().startsWith("Too many failed logins from your address."));
        assertEquals(1, node.count("SELECT count(*) FROM login_throttle WHERE key = 'address:203.0.113.7' AND locked_until > now()"));
        LoginBrowser colleague = new LoginBrowser("de", "203.0.113.8");
        HttpResponse<String> page = colleague.get(app.authorizeUrl("read", "s", MastodonApp.verifier()));
        assertEquals(303, colleague.submit(page, Map.of("username", "erika", "password", MastodonApp.PASSWORD, "step", "login")).statusCode());
    }

    @Test
    @DisplayName("client credentials (JSON, basic auth); wrong secret 401; scopes and app tokens on the client API")
    void clientCredentialsAndScopes() {
        String basic = Base64.getEncoder().encodeToString((app.clientId + ":" + app.clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + "/oauth/token"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"scope\":\"read\"}")).build());
        assertEquals(200, issued.statusCode(), issued.body());
        String appToken = StaffClient.json(issued).get("access_token").asText();
        assertEquals(200, MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", appToken, null).statusCode());
        assertEquals(403, MastodonApp.json(node, "GET", "/oauth/userinfo", appToken, null).statusCode(), "scopes are checked first");
        MastodonApp withProfile = MastodonApp.register(node, REDIRECT, "read profile");
        String profileAppToken = StaffClient.json(MastodonApp.form(node, "/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", withProfile.clientId, "client_secret", withProfile.clientSecret, "scope", "profile"))).get("access_token").asText();
        HttpResponse<String> noUser = MastodonApp.json(node, "GET", "/oauth/userinfo", profileAppToken, null);
        assertEquals(422, noUser.statusCode());
        assertEquals("This method requires an authenticated user", StaffClient.json(noUser).get("error").asText());

        HttpResponse<String> noProfile = MastodonApp.json(node, "GET", "/oauth/userinfo", app.login("erika", "read"), null);
        assertEquals(403, noProfile.statusCode(), "userinfo needs profile; read does not imply it");
        HttpResponse<String> invalid = MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", "almo_nothing", null);
        assertEquals(401, invalid.statusCode());
        assertEquals("The access token is invalid", StaffClient.json(invalid).get("error").asText());
        assertTrue(invalid.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        HttpResponse<String> wrongSecret = MastodonApp.form(node, "/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", app.clientId, "client_secret", app.clientSecret + "x"));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", StaffClient.json(wrongSecret).get("error").asText());
        HttpResponse<String> password = MastodonApp.form(node, "/oauth/token", Map.of("grant_type", "password",
                "client_id", app.clientId, "client_secret", app.clientSecret, "username", "erika", "password", MastodonApp.PASSWORD));
        assertEquals(400, password.statusCode());
        assertEquals("unsupported_grant_type", StaffClient.json(password).get("error").asText());
        HttpResponse<String> tooBroad = MastodonApp.form(node, "/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", app.clientId, "client_secret", app.clientSecret, "scope", "push"));
        assertEquals("invalid_scope", StaffClient.json(tooBroad).get("error").asText());
    }

    @Test
    @DisplayName("a revoked token, and the token of a disabled person, are refused at once")
    void revokedAndDisabled() {
        String token = app.login("erika", "read");
        assertEquals(200, MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", token, null).statusCode());
        MastodonApp other = MastodonApp.register(node, REDIRECT, "read");
        HttpResponse<String> foreign = MastodonApp.form(node, "/oauth/revoke", Map.of("token", token, "client_id", other.clientId,
                "client_secret", other.clientSecret));
        assertEquals(403, foreign.statusCode(), "only the app that holds a token revokes it");
        HttpResponse<String> revoked = MastodonApp.form(node, "/oauth/revoke", Map.of("token", token, "client_id", app.clientId,
                "client_secret", app.clientSecret));
        assertEquals(200, revoked.statusCode());
        assertEquals("{}", revoked.body());
        assertEquals(401, MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", token, null).statusCode());

        String maxToken = app.login("max", "read write");
        node.node().services().people.disable("max");
        assertEquals(401, MastodonApp.json(node, "GET", "/api/v1/apps/verify_credentials", maxToken, null).statusCode());
        assertEquals(401, MastodonApp.json(node, "GET", "/api/allmende/v1/projects", maxToken, null).statusCode());
    }

    @Test
    @DisplayName("app registration: redirect URIs as string or array, custom schemes, oob; bad input 422")
    void registration() {
        HttpResponse<String> form = MastodonApp.form(node, "/api/v1/apps", Map.of("client_name", "Ivory",
                "redirect_uris", "com.tapbots.Ivory.19300:/request_token urn:ietf:wg:oauth:2.0:oob", "scopes", "read write follow push"));
        assertEquals(200, form.statusCode(), form.body());
        JsonNode app = StaffClient.json(form);
        assertEquals(2, app.get("redirect_uris").size());
        assertEquals("com.tapbots.Ivory.19300:/request_token\nurn:ietf:wg:oauth:2.0:oob", app.get("redirect_uri").asText());
        assertEquals(0, app.get("client_secret_expires_at").asInt());
        assertTrue(app.get("vapid_key").isTextual());
        assertEquals("[\"read\",\"write\",\"follow\",\"push\"]", app.get("scopes").toString());
        HttpResponse<String> defaults = MastodonApp.json(node, "POST", "/api/v1/apps", null,
                "{\"client_name\":\"Elk\",\"redirect_uris\":\"https://elk.zone/signin/callback\"}");
        assertEquals("[\"read\"]", StaffClient.json(defaults).get("scopes").toString(), "read when no scopes are named");

        for (String body : new String[]{"{\"client_name\":\"X\",\"redirect_uris\":\"javascript:alert(1)\"}",
                "{\"client_name\":\"X\",\"redirect_uris\":\"/relative\"}",
                "{\"client_name\":\"X\",\"redirect_uris\":\"https://a.example/#frag\"}",
                "{\"client_name\":\"X\",\"redirect_uris\":\"https://a.example/\",\"scopes\":\"read everything\"}",
                "{\"client_name\":\"\",\"redirect_uris\":\"https://a.example/\"}"}) {
            HttpResponse<String> r = MastodonApp.json(node, "POST", "/api/v1/apps", null, body);
            assertEquals(422, r.statusCode(), body);
            assertTrue(StaffClient.json(r).get("error").asText().startsWith("Validation failed: "), r.body());
        }
        assertEquals(400, MastodonApp.json(node, "POST", "/api/v1/apps", null, "{\"client_name\":").statusCode());
    }

    @Test
    @DisplayName("server metadata (RFC 8414) and CORS for browser apps on /api/*, /oauth/token and /.well-known/*")
    void metadataAndCors() {
        HttpResponse<String> meta = node.get("/.well-known/oauth-authorization-server", null);
        assertEquals(200, meta.statusCode());
        JsonNode m = StaffClient.json(meta);
        assertEquals(node.url() + "/oauth/token", m.get("token_endpoint").asText());
        assertEquals("[\"S256\"]", m.get("code_challenge_methods_supported").toString());
        assertTrue(m.get("scopes_supported").toString().contains("\"read:statuses\""));
        for (String path : new String[]{"/oauth/token", "/api/v1/apps", "/oauth/revoke"}) {
            HttpResponse<String> preflight = TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elk.zone")
                    .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type").build());
            assertTrue(preflight.statusCode() / 100 == 2, path + " " + preflight.statusCode());
            assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
        }
        HttpResponse<String> page = TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + "/oauth/authorize"))
                .header("Origin", "https://evil.example").GET().build());
        assertFalse(page.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "the login page is no API");
    }
}
