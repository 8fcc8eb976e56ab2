package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.api.Responses;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Mastodon app reading the client API with a person's token: every body it sees is held against the entity
 * Mastodon documents for it ({@link MastodonEntities}), and Link headers are read as apps read them.
 */
public final class ClientApi {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");
    private final TestNode node;
    private final String token;

    public ClientApi(TestNode node, String token) {
        this.node = node;
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The answer to a GET of a path or of a full URL (a Link header's). */
    public HttpResponse<String> get(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : node.url() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestNode.send(b.build());
    }

    /** A 200 answer that is one {@code entity}. */
    public JsonNode entity(String path, String entity) {
        JsonNode body = ok(get(path));
        MastodonEntities.assertShape(entity, body);
        return body;
    }

    /** A 200 answer that is a list of {@code entity}. */
    public JsonNode list(String pathOrUrl, String entity) {
        return list(get(pathOrUrl), entity);
    }

    public static JsonNode list(HttpResponse<String> r, String entity) {
        JsonNode body = ok(r);
        MastodonEntities.assertShapes(entity, body);
        return body;
    }

    /** A call with a JSON body (none if null), as apps write: POST, PUT, DELETE. */
    public HttpResponse<String> send(String method, String path, String jsonBody) {
        return MastodonApp.json(node, method, path, token, jsonBody);
    }

    /** A call with a form body, as Mastodon.py and Tusky write ({@code a[b]=c&d[]=e}, already percent-encoded). */
    public HttpResponse<String> form(String method, String path, String encodedForm) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(encodedForm));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestNode.send(b.build());
    }

    /** A 200 answer to a write that is one {@code entity} (or, for a list of them, {@link #list(HttpResponse, String)}). */
    public JsonNode entity(String method, String path, String jsonBody, String entity) {
        JsonNode body = ok(send(method, path, jsonBody));
        MastodonEntities.assertShape(entity, body);
        return body;
    }

    /** The status of an error answer to a write, checked to be Mastodon's Error entity. */
    public int error(String method, String path, String jsonBody) {
        HttpResponse<String> r = send(method, path, jsonBody);
        MastodonEntities.assertShape("Error", json(r));
        return r.statusCode();
    }

    /** The status an error answer has, checked to be Mastodon's Error entity. */
    public int error(String path) {
        HttpResponse<String> r = get(path);
        MastodonEntities.assertShape("Error", json(r));
        return r.statusCode();
    }

    /** The Link header by rel ({@code next}, {@code prev}); empty without one. */
    public static Map<String, String> links(HttpResponse<String> r) {
        Map<String, String> out = new HashMap<>();
        Matcher m = LINK.matcher(r.headers().firstValue("Link").orElse(""));
        while (m.find()) out.put(m.group(2), m.group(1));
        return out;
    }

    /** A 200 answer's body, for answers that are no entity (an empty object, a hash of Markers). */
    public static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        return json(r);
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return Responses.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
