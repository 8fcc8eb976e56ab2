package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.route.Access;
import de.allmende.route.Area;
import de.allmende.route.ClientScopes;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.testkit.ClientApi;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every route of the client API and OAuth that takes a bearer token ({@link Route#values()}, so routes added later
 * are in the table too) refuses as Mastodon does: without a token 401; with a token that lacks each of the route's
 * scopes 403 ({@code This action is outside the authorized scopes}); with an app's own token where a person is needed
 * 422; with another municipality's token on ids only this one may reach 404 ({@code Record not found}, as Mastodon
 * answers for statuses a viewer may not see). Bodies are Mastodon's Error entity.
 * <p>
 * Mastodon serves some of these routes without a token (accounts, statuses, the public timeline) unless
 * {@code DISALLOW_UNAUTHENTICATED_API_ACCESS} is set; a node's client API is for its staff, so it answers as
 * Mastodon does with that setting: 401.
 */
@DisplayName("Client API and OAuth routes: 401 without token, 403 without scope, 422 for app tokens, 404 across municipalities")
class ClientRouteAccessTest {
    private static final List<String> SCOPES = List.of("read", "write", "push", "profile");
    /** An id of the right shape that names nothing. */
    private static final String NO_SUCH_ID = "4242424242424242";
    private static final Pattern ID_AFTER_KIND = Pattern.compile("/([a-z_]+)/\\{([a-z_]+)}");
    private static TestNode node;
    private static String accountA;
    private static String followersOnlyOfA;
    private static String uploadOfA;
    private static final Map<String, String> tokensOfA = new java.util.HashMap<>();
    private static String tokenOfB;
    private static String appToken;
    private static FakeRemote remote;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        MastodonApp.person(node, "bodo", "beispieldorf", Role.EDITOR);
        MastodonApp app = MastodonApp.register(node, "https://app.example/callback", String.join(" ", SCOPES));
        for (String scope : SCOPES) tokensOfA.put(scope, app.login("erika", scope));
        tokenOfB = app.login("bodo", String.join(" ", SCOPES));
        appToken = StaffClient.json(MastodonApp.form(node, "/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", app.clientId, "client_secret", app.clientSecret, "scope", "read write"))).get("access_token").asText();
        accountA = new ClientApi(node, tokensOfA.get("read")).entity("/api/v1/accounts/verify_credentials", "CredentialAccount").path("id").asText();
        // Musterstadt's followers-only post, which Beispieldorf (no follower) may not see. Kept as a received one would
        // be (the client API's write path will post it itself).
        URI note = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Nur für Follower</p>");
        node.execute("UPDATE post SET visibility = 'followers', audience = jsonb_build_object('to', jsonb_build_array('"
                + node.actorIri("musterstadt") + "/followers'), 'cc', '[]'::jsonb) WHERE iri = '" + note + "'");
        followersOnlyOfA = String.valueOf(node.count("SELECT id FROM post WHERE iri = '" + note + "'"));
        // A poll on it (as a received Question would have), and an upload of Musterstadt's.
        node.execute("INSERT INTO poll (post_id, multiple, options) VALUES (" + followersOnlyOfA + ", false, '[{\"title\": \"Ja\", \"votes\": 0}]')");
        uploadOfA = de.allmende.testkit.Media.image(node, "musterstadt", "intern.png", null).toString();
        // A remote follower, so Musterstadt has a notification (once notifications are served).
        remote = FakeRemote.start();
        FakeRemote.Actor anna = remote.actor("anna");
        assertEquals(202, remote.post(URI.create(node.url() + "/inbox"), remote.follow(anna, node.actorIri("musterstadt"))).send().status());
        TestNode.await("the remote follow is accepted", () -> node.count("SELECT count(*) FROM follow WHERE state = 'accepted'") == 1);
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    static Stream<Route> tokenRoutes() {
        return Stream.of(Route.values()).filter(r -> r.area() == Area.CLIENT_API || r.area() == Area.OAUTH)
                .filter(r -> r.access() == Access.CLIENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRoutes")
    @DisplayName("without a token: 401 with a Bearer challenge")
    void withoutToken(Route route) {
        HttpResponse<String> r = call(route.method(), pathOf(route), null);
        assertRefusal(401, null, r, route);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "), route + ": " + r.headers());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRoutes")
    @DisplayName("with a token lacking every scope the route accepts: 403 (a route any token may use lets each pass)")
    void withoutScope(Route route) {
        ClientScopes needed = route.clientScopes().orElseThrow();
        Optional<String> lacking = SCOPES.stream().filter(s -> needed.anyOf().stream().noneMatch(n -> grants(s, n))).findFirst();
        if (needed.anyOf().isEmpty() || lacking.isEmpty()) {
            assertTrue(needed.anyOf().isEmpty(), route + " accepts every scope we can issue: " + needed);
            for (String scope : SCOPES) {
                int status = call(route.method(), pathOf(route), tokensOfA.get(scope)).statusCode();
                assertTrue(status != 401 && status != 403, route + " with a " + scope + " token: " + status);
            }
            return;
        }
        assertRefusal(403, "This action is outside the authorized scopes", call(route.method(), pathOf(route), tokensOfA.get(lacking.get())), route);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRoutes")
    @DisplayName("with an app's own token (client credentials): 422 where a person is needed, else let through")
    void appsOwnToken(Route route) {
        ClientScopes needed = route.clientScopes().orElseThrow();
        boolean appMayHaveScope = needed.anyOf().isEmpty() || needed.anyOf().stream().anyMatch(n -> grants("read", n) || grants("write", n));
        HttpResponse<String> r = call(route.method(), pathOf(route), appToken);
        if (!appMayHaveScope) assertRefusal(403, "This action is outside the authorized scopes", r, route);
        else if (needed.holder() == ClientScopes.Holder.PERSON) assertRefusal(422, "This method requires an authenticated user", r, route);
        else assertTrue(r.statusCode() < 400, route + ": " + r.statusCode() + " " + r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRoutes")
    @DisplayName("with another municipality's token on this one's ids: 404 for what it may not see; accounts are public")
    void otherMunicipality(Route route) {
        Matcher id = ID_AFTER_KIND.matcher(route.template().toString());
        if (!id.find()) return; // no ids in the path: what the token's own municipality sees, covered by the read tests
        String kind = kind(route.template().toString(), id);
        Owned owned = OWNED.get(kind);
        if (owned == null) fail(route + " takes ids of '" + kind + "': add to ClientRouteAccessTest.OWNED one that belongs to"
                + " Musterstadt and what Mastodon answers Beispieldorf's token for it");
        // Mastodon shows any account to any token, and acting on one (follow, block) is no reach into its data; a follow
        // would even make the followers-only post Beispieldorf's to see. So public ids are only read here.
        if (owned.isPublic() && route.method() != HttpMethod.GET) return;
        HttpResponse<String> r = call(route.method(), pathOf(route), tokenOfB);
        if (owned.isPublic()) {
            assertEquals(200, r.statusCode(), route + ": " + r.body());
            assertFalse(r.body().contains(followersOnlyOfA), route + " shows the followers-only post: " + r.body());
        } else {
            assertRefusal(404, "Record not found", r, route);
            // Nothing tells a hidden id from one that does not exist, in any language (Mastodon's CVE-2025-67500).
            HttpResponse<String> unknown = call(route.method(), pathOf(route, k -> NO_SUCH_ID), tokenOfB);
            assertEquals(unknown.statusCode() + " " + unknown.body(), r.statusCode() + " " + r.body(), route + ": hidden or unknown");
        }
    }

    @Test
    @DisplayName("another municipality's followers-only post shows in none of the client API's answers to its token")
    void followersOnlyPostLeaksNowhere() {
        tokenRoutes().filter(r -> r.method() == HttpMethod.GET).forEach(route -> {
            HttpResponse<String> r = call(route.method(), pathOf(route), tokenOfB);
            assertFalse(r.body().contains(followersOnlyOfA), route + " shows it: " + r.body());
        });
        assertEquals(200, call(Route.STATUS.method(), Route.STATUS.path(followersOnlyOfA), tokensOfA.get("read")).statusCode(), "its author sees it");
    }

    @Test
    @DisplayName("every client API and OAuth route is in this table: it takes a token or is open")
    void everyRouteIsCovered() {
        List<Route> elsewhere = Stream.of(Route.values()).filter(r -> r.area() == Area.CLIENT_API || r.area() == Area.OAUTH)
                .filter(r -> r.access() != Access.CLIENT && r.access() != Access.PUBLIC).toList();
        assertEquals(List.of(), elsewhere, "routes with another access: add what Mastodon answers for them to ClientRouteAccessTest");
        assertTrue(tokenRoutes().count() >= 16, "the read path's routes at least");
    }

    @Test
    @DisplayName("the routes apps use before they have a token ask for none")
    void publicRoutesAskNoToken() {
        List<Route> open = new ArrayList<>();
        Stream.of(Route.values()).filter(r -> (r.area() == Area.CLIENT_API || r.area() == Area.OAUTH) && r.access() == Access.PUBLIC).forEach(route -> {
            open.add(route);
            HttpResponse<String> r = call(route.method(), pathOf(route), null);
            assertFalse(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), route + " asks for a token");
            assertTrue(r.statusCode() < 500, route + ": " + r.statusCode());
        });
        assertTrue(open.contains(Route.APPS_CREATE) && open.contains(Route.CLIENT_INSTANCE) && open.contains(Route.OAUTH_TOKEN), open.toString());
    }

    /** True if a token with {@code scope} may use a route that accepts {@code needed} (Mastodon's hierarchy: read → read:*). */
    private static boolean grants(String scope, String needed) {
        return needed.equals(scope) || needed.startsWith(scope + ":");
    }

    private static void assertRefusal(int status, String error, HttpResponse<String> r, Route route) {
        assertEquals(status, r.statusCode(), route + ": " + r.body());
        JsonNode body = ClientApi.json(r);
        MastodonEntities.assertShape("Error", body);
        if (error != null) assertEquals(error, body.path("error").asText(), route.toString());
    }

    /** The route's path with Musterstadt's ids ({@link #OWNED}); other parameters any value they take. */
    private static String pathOf(Route route) {
        return pathOf(route, kind -> OWNED.containsKey(kind) ? OWNED.get(kind).id().get() : null);
    }

    /** The route's path with the id {@code idOfKind} gives for each {@code /kind/{id}}; other parameters any value they take. */
    private static String pathOf(Route route, Function<String, String> idOfKind) {
        List<String> values = new ArrayList<>();
        Matcher kinds = ID_AFTER_KIND.matcher(route.template().toString());
        for (Param p : route.template().params()) {
            String id = kinds.find() ? idOfKind.apply(kind(route.template().toString(), kinds)) : null;
            values.add(id != null && p.accepts(id) ? id : sample(route, p));
        }
        return route.path(values.toArray(String[]::new));
    }

    /**
     * The kind of id a {@code /kind/{id}} match names: the path up to it after {@code /api/} where {@link #OWNED} has
     * that ({@code v2/filters/statuses}, {@code v1/filters}: ids of their own), else its last segment ({@code lists}).
     */
    private static String kind(String template, Matcher m) {
        String key = template.substring(0, m.end(1)).replaceFirst("^/api/", "");
        return OWNED.containsKey(key) ? key : m.group(1);
    }

    /**
     * An id under {@code /kind/{id}} that belongs to Musterstadt; public if any token may read it (Mastodon's accounts),
     * otherwise Beispieldorf's token gets 404 for it.
     */
    private record Owned(Supplier<String> id, boolean isPublic) {}

    private static final Map<String, Owned> OWNED = Map.ofEntries(
            Map.entry("accounts", new Owned(() -> accountA, true)),
            Map.entry("statuses", new Owned(() -> followersOnlyOfA, false)),
            // Beispieldorf has no follow request from Musterstadt to decide.
            Map.entry("follow_requests", new Owned(() -> accountA, false)),
            Map.entry("notifications", new Owned(ClientRouteAccessTest::notificationOfA, false)),
            Map.entry("media", new Owned(() -> uploadOfA, false)),
            Map.entry("polls", new Owned(() -> followersOnlyOfA, false)),
            // Lists and filters are Musterstadt's own (V17); hashtags are anyone's to read.
            Map.entry("lists", new Owned(() -> organised().list(), false)),
            Map.entry("list", new Owned(() -> organised().list(), false)),
            Map.entry("v2/filters", new Owned(() -> organised().filter(), false)),
            Map.entry("v2/filters/keywords", new Owned(() -> organised().keyword(), false)),
            Map.entry("v2/filters/statuses", new Owned(() -> organised().filteredStatus(), false)),
            Map.entry("v1/filters", new Owned(() -> organised().keyword(), false)),
            Map.entry("tags", new Owned(() -> "rathaus", true)),
            Map.entry("tag", new Owned(() -> "rathaus", true)));

    /** Musterstadt's list, filter, keyword and filtered status (its followers-only post), made once through the API. */
    private record Organised(String list, String filter, String keyword, String filteredStatus) {}

    private static Organised organised;

    private static synchronized Organised organised() {
        if (organised != null) return organised;
        String token = tokensOfA.get("write");
        String list = created(MastodonApp.json(node, "POST", "/api/v1/lists", token, "{\"title\":\"Nachbarn\"}")).path("id").asText();
        JsonNode filter = created(MastodonApp.json(node, "POST", "/api/v2/filters", token,
                "{\"title\":\"Baustellen\",\"context\":[\"home\"],\"keywords_attributes\":[{\"keyword\":\"Baustelle\"}]}"));
        String filterId = filter.path("id").asText();
        JsonNode status = created(MastodonApp.json(node, "POST", "/api/v2/filters/" + filterId + "/statuses", token,
                "{\"status_id\":\"" + followersOnlyOfA + "\"}"));
        organised = new Organised(list, filterId, filter.at("/keywords/0/id").asText(), status.path("id").asText());
        return organised;
    }

    private static JsonNode created(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        return ClientApi.json(r);
    }

    /** Musterstadt's first notification: the remote follow {@link #start} arranged (read when a notifications route exists). */
    private static String notificationOfA() {
        // written by the notifications consumer after the follow's transaction: wait for it
        TestNode.await("Musterstadt's notification of the follow", () -> node.count("SELECT count(*) FROM notification") > 0);
        HttpResponse<String> r = call(HttpMethod.GET, "/api/v1/notifications", tokensOfA.get("read"));
        JsonNode list = ClientApi.json(r);
        if (r.statusCode() != 200 || list.isEmpty()) throw new AssertionError("Musterstadt has no notification of the remote follow: " + r.body());
        return list.get(0).path("id").asText();
    }

    /** A value the parameter's syntax takes; a new kind of parameter needs a candidate here. */
    private static String sample(Route route, Param p) {
        for (String candidate : List.of("1", "musterstadt", "00000000-0000-4000-8000-000000000000", "rathaus")) {
            if (p.accepts(candidate)) return candidate;
        }
        if (p.isClosed()) return p.values().getFirst();
        throw new AssertionError(route + ": no sample value for the parameter " + p + "; add one to ClientRouteAccessTest.sample");
    }

    private static HttpResponse<String> call(HttpMethod httpMethod, String path, String token) {
        String method = httpMethod.name();
        boolean withBody = List.of("POST", "PUT", "PATCH").contains(method);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (withBody) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.header("Accept-Language", "de-DE"); // not English: Mastodon once told hidden from unknown statuses by it
        try {
            return HTTP.send(b.build(), info -> info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                    ? new Unread() // a stream that would not end: its status is the answer
                    : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Leaves a body unread and closes it at once. */
    private static final class Unread implements HttpResponse.BodySubscriber<String> {
        @Override public CompletionStage<String> getBody() { return CompletableFuture.completedFuture(""); }
        @Override public void onSubscribe(Flow.Subscription subscription) { subscription.cancel(); }
        @Override public void onNext(List<ByteBuffer> item) {}
        @Override public void onError(Throwable throwable) {}
        @Override public void onComplete() {}
    }
}
