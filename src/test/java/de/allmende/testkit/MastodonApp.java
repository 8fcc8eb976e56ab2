package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.PersonInput;
import de.allmende.domain.people.Role;
import org.jsoup.Jsoup;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A Mastodon app as Elk or Ivory drives a node: registers itself, sends a person through the real login
 * and consent pages with PKCE, exchanges the code. Also makes the people who log in.
 */
public final class MastodonApp {
    public static final String PASSWORD = "korrekt-pferd-batterie";

    private final TestNode node;
    public final String clientId;
    public final String clientSecret;
    public final String redirectUri;

    private MastodonApp(TestNode node, String clientId, String clientSecret, String redirectUri) {
        this.node = node;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** A person with a password and a role for {@code handle}, made as the CLI does (through the one-time link). */
    public static void person(TestNode node, String username, String handle, Role role) {
        var s = node.node().services();
        URI link = s.people.create(new PersonInput(username, username + "@rathaus.example", handle, role)).passwordLink();
        String token = link.getQuery().substring("token=".length());
        s.people.choosePassword(token, PASSWORD).orElseThrow();
    }

    /** Registers an app (JSON, as Elk does) and returns it. */
    public static MastodonApp register(TestNode node, String redirectUri, String scopes) {
        HttpResponse<String> r = json(node, "POST", "/api/v1/apps", null,
                "{\"client_name\":\"Test App\",\"redirect_uris\":[\"" + redirectUri + "\"],\"scopes\":\"" + scopes
                        + "\",\"website\":\"https://app.example\"}");
        if (r.statusCode() != 200) throw new AssertionError("registration failed: " + r.statusCode() + " " + r.body());
        JsonNode app = StaffClient.json(r);
        return new MastodonApp(node, app.get("client_id").asText(), app.get("client_secret").asText(), redirectUri);
    }

    /** The authorize URL with a PKCE challenge for {@code verifier}. */
    public String authorizeUrl(String scope, String state, String verifier) {
        return node.url() + "/oauth/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri)
                + "&scope=" + enc(scope) + "&state=" + enc(state) + "&code_challenge=" + enc(challenge(verifier))
                + "&code_challenge_method=S256";
    }

    /** Logs in and consents in {@code browser}; returns the code the browser was sent back to the app with. */
    public String authorize(LoginBrowser browser, String username, String scope, String verifier) {
        return authorize(browser, authorizeUrl(scope, "xyz", verifier), username);
    }

    /**
     * A person opens an app's authorize URL (an independent client's own), logs in and consents: returns the code
     * the app was sent back with, or, out of band, the one the page shows to copy.
     */
    public static String authorize(LoginBrowser browser, String authorizeUrl, String username) {
        HttpResponse<String> login = browser.get(authorizeUrl);
        if (login.statusCode() != 200) throw new AssertionError("no login page: " + login.statusCode() + " " + login.body());
        HttpResponse<String> afterLogin = browser.submit(login, Map.of("username", username, "password", PASSWORD, "step", "login"));
        if (afterLogin.statusCode() != 303) throw new AssertionError("login failed: " + afterLogin.statusCode() + " " + afterLogin.body());
        HttpResponse<String> consent = browser.follow(afterLogin);
        HttpResponse<String> back = browser.submit(consent, Map.of("step", "approve"));
        if (back.statusCode() == 200) {
            var shown = Jsoup.parse(back.body()).selectFirst("input#code");
            if (shown == null) throw new AssertionError("consent showed no code: " + back.body());
            return shown.attr("value");
        }
        if (back.statusCode() != 303) throw new AssertionError("consent failed: " + back.statusCode() + " " + back.body());
        return query(back.headers().firstValue("Location").orElseThrow()).get("code");
    }

    /** Exchanges a code (form-encoded, client_secret_post, as Mastodon.py does); a null verifier is left out. */
    public HttpResponse<String> exchange(String code, String redirect, String verifier) {
        Map<String, String> fields = new HashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "client_id", clientId, "client_secret", clientSecret));
        if (verifier != null) fields.put("code_verifier", verifier);
        return form(node, "/oauth/token", fields);
    }

    /** The whole dance; returns the access token. */
    public String login(String username, String scope) {
        String verifier = verifier();
        String code = authorize(new LoginBrowser("de"), username, scope, verifier);
        HttpResponse<String> token = exchange(code, redirectUri, verifier);
        if (token.statusCode() != 200) throw new AssertionError("token failed: " + token.body());
        return StaffClient.json(token).get("access_token").asText();
    }

    public static String verifier() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> form(TestNode node, String path, Map<String, String> fields) {
        String body = String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue())).toList());
        return TestNode.send(HttpRequest.newBuilder(URI.create(node.url() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> json(TestNode node, String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestNode.send(b.build());
    }

    public static Map<String, String> query(String uri) {
        Map<String, String> out = new HashMap<>();
        String q = URI.create(uri).getRawQuery();
        if (q == null) return out;
        for (String pair : q.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
