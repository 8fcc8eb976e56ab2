package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.Scope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * A client of the staff API with one token. Every response is checked against the node's OpenAPI
 * document before the test sees it, so each staff API test also tests the document.
 */
public final class StaffClient {
    public static final String BASE = de.allmende.route.Area.STAFF_API.prefix();

    private final TestNode node;
    private final String token; // null: no Authorization header
    private final OpenApiContract contract;

    private StaffClient(TestNode node, String token, OpenApiContract contract) {
        this.node = node;
        this.token = token;
        this.contract = contract;
    }

    /** Issues a token for {@code handle} with these scopes and returns a client using it. */
    public static StaffClient issue(TestNode node, String handle, Scope... scopes) {
        String token = node.node().services().tokens.issue(handle, Set.of(scopes), "test").secret();
        return new StaffClient(node, token, OpenApiContract.of(node));
    }

    /** The same node and contract with another token (null for none). */
    public StaffClient withToken(String other) {
        return new StaffClient(node, other, contract);
    }

    public String token() {
        return token;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** A response's JSON body. */
    public static JsonNode json(HttpResponse<String> r) {
        try {
            return GoldenJson.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    public HttpResponse<String> get(String template, Object... params) {
        return send("GET", template, HttpRequest.BodyPublishers.noBody(), null, params);
    }

    public HttpResponse<String> delete(String template, Object... params) {
        return send("DELETE", template, HttpRequest.BodyPublishers.noBody(), null, params);
    }

    public HttpResponse<String> post(String template, String json, Object... params) {
        return send("POST", template, HttpRequest.BodyPublishers.ofString(json), "application/json", params);
    }

    public HttpResponse<String> put(String template, String json, Object... params) {
        return send("PUT", template, HttpRequest.BodyPublishers.ofString(json), "application/json", params);
    }

    public HttpResponse<String> upload(Multipart body) {
        return send("POST", "/media", body.publisher(), body.contentType());
    }

    /**
     * An upload announced with {@code Expect: 100-continue}, as curl sends large bodies: the body follows only once the
     * server agrees, so a refusal before reading it (413 by Content-Length) reaches the client, where a client still
     * writing a body the server will not read may see only the closed connection.
     */
    public HttpResponse<String> uploadAnnounced(Multipart body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + BASE + "/media"))
                .timeout(Duration.ofSeconds(30)).expectContinue(true).POST(body.publisher()).header("Content-Type", body.contentType());
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = TestNode.send(b.build());
        contract.check("POST", "/media", r);
        return r;
    }

    /**
     * Sends to {@code template} (relative to the API base, e.g. {@code /media/{id}}, optionally with a
     * query) with its {@code {…}} placeholders filled in order, and checks the response.
     */
    public HttpResponse<String> send(String method, String template, HttpRequest.BodyPublisher body, String contentType, Object... params) {
        String path = template;
        for (Object p : params) path = path.replaceFirst("\\{[^}/]+}", java.util.regex.Matcher.quoteReplacement(p.toString()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + BASE + path))
                .timeout(Duration.ofSeconds(30)).method(method, body);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = TestNode.send(b.build());
        contract.check(method, template.split("\\?", 2)[0], r);
        return r;
    }
}
