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

    /**
     * A write as Elk sends it: {@code method} with a JSON body (none if null) and further headers as name, value pairs
     * (e.g. {@code Idempotency-Key}).
     */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestNode.send(b.build());
    }

    /** A write as Mastodon.py and Tusky send it: a form body. */
    public HttpResponse<String> sendForm(String method, String path, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", "application/x-www-form-urlencoded");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestNode.send(b.build());
    }

    /**
     * The answer to a request with a form body (as Mastodon.py sends one; none when there are no fields, or none are
     * given: Java picks this method for {@code send(method, path, null)}).
     */
    public HttpResponse<String> send(String method, String path, Map<String, String> fields) {
        Map<String, String> form = fields == null ? Map.of() : fields;
        String body = String.join("&", form.entrySet().stream().map(e -> MastodonApp.enc(e.getKey()) + "=" + MastodonApp.enc(e.getValue())).toList());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(method, form.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!form.isEmpty()) b.header("Content-Type", "application/x-www-form-urlencoded");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return TestNode.send(b.build());
    }

    /** A 200 answer to a write that is one {@code entity}. */
    public static JsonNode entity(HttpResponse<String> r, String entity) {
        JsonNode body = ok(r);
        MastodonEntities.assertShape(entity, body);
        return body;
    }

    /** A POST (an action such as {@code /favourite}) whose 200 answer is one {@code entity}. */
    public JsonNode post(String path, String entity) {
        return post(path, Map.of(), entity);
    }

    public JsonNode post(String path, Map<String, String> form, String entity) {
        JsonNode body = ok(send("POST", path, form));
        MastodonEntities.assertShape(entity, body);
        return body;
    }

    /** The status of an error answer to a write, checked to be Mastodon's Error entity. */
    public static int error(HttpResponse<String> r) {
        MastodonEntities.assertShape("Error", json(r));
        return r.statusCode();
    }

    /** The status an action's error answer has, checked to be Mastodon's Error entity. */
    public int postError(String path) {
        HttpResponse<String> r = send("POST", path, Map.of());
        MastodonEntities.assertShape("Error", json(r));
        return r.statusCode();
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

    private static JsonNode ok(HttpResponse<String> r) {
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
