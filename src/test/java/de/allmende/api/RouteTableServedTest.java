package de.allmende.api;

import de.allmende.content.Content;
import de.allmende.domain.Scope;
import de.allmende.federation.iri.Iris;
import de.allmende.route.Access;
import de.allmende.route.Area;
import de.allmende.route.Param;
import de.allmende.route.PathTemplate.RouterPath;
import de.allmende.route.Route;
import de.allmende.domain.people.Role;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.Multipart;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.Showcase;
import de.allmende.testkit.StaffClient;
import de.allmende.testkit.TestNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The router serves exactly the route table: every declared route is registered and answers, and no
 * path is registered that the table does not declare.
 */
@DisplayName("the router serves the route table, the whole table and nothing but the table")
class RouteTableServedTest {
    private static final List<String> ACCEPTS = List.of("application/activity+json", "text/html");

    static TestNode node;
    static String token;
    /** A staff token of the coordinator, for the routes only a coordinator may use. */
    static String coordinatorToken;
    /** A Mastodon app's token of a person (client API routes), the app, and a one-time password link's query. */
    static String clientToken;
    static MastodonApp app;
    static String passwordQuery;
    /** Existing things to name: {@code "kind/id"} per content kind, the activity and the uploaded file. */
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void start() {
        node = TestNode.start();
        var musterstadt = node.create(Fixtures.musterstadt());
        Showcase shown = Showcase.publish(node, musterstadt);
        Iris iris = node.node().services().iris;
        for (Content c : shown.all()) ids.put(c.kind().plural(), c.id().orElseThrow().toString());
        ids.put("object", iris.parseObject(shown.project().iri()).orElseThrow());
        String activity = node.node().services().db.dsl()
                .fetchValue("SELECT iri FROM activity WHERE type = 'Create' ORDER BY id LIMIT 1").toString();
        ids.put("activity", iris.parse(URI.create(activity)).orElseThrow().value(Param.LOCAL_ID));
        StaffClient staff = StaffClient.issue(node, "musterstadt", Scope.values());
        token = staff.token();
        HttpResponse<String> upload = staff.upload(new Multipart().file("file", "wappen.png", "image/png", SampleFiles.png()));
        ids.put("media", StaffClient.json(upload).get("id").asText());
        // Client API ids: musterstadt's account and one of its posts (snowflakes).
        ids.put("account", node.node().services().db.dsl().fetchValue(
                "SELECT a.id FROM account a JOIN actor ON actor.id = a.local_actor_id WHERE actor.handle = 'musterstadt'").toString());
        ids.put("status", node.node().services().db.dsl().fetchValue(
                "SELECT id FROM post WHERE visibility = 'public' ORDER BY id LIMIT 1").toString());
        // A notification of musterstadt's (staged: no peer follows it here).
        ids.put("notification", node.node().services().db.dsl().fetchValue("INSERT INTO notification (account_id, from_account_id, type, event_id)"
                + " VALUES (?::bigint, ?::bigint, 'follow', 0) RETURNING id", ids.get("account"), ids.get("account")).toString());
        // A poll on that post, as a received Question would have one.
        node.execute("INSERT INTO poll (post_id, multiple, options) VALUES (" + ids.get("status") + ", false, '[{\"title\": \"Ja\", \"votes\": 1}]')");
        // Musterstadt's list, filter, keyword and filtered status (V17).
        var dsl = node.node().services().db.dsl();
        ids.put("list", dsl.fetchValue("INSERT INTO client_list (account_id, title) VALUES (?, 'Nachbarn') RETURNING id",
                Long.parseLong(ids.get("account"))).toString());
        ids.put("filter", dsl.fetchValue("INSERT INTO client_filter (account_id, title, context) VALUES (?, 'Baustellen', '{home}') RETURNING id",
                Long.parseLong(ids.get("account"))).toString());
        ids.put("keyword", dsl.fetchValue("INSERT INTO client_filter_keyword (filter_id, keyword) VALUES (?, 'Baustelle') RETURNING id",
                Long.parseLong(ids.get("filter"))).toString());
        ids.put("filter_status", dsl.fetchValue("INSERT INTO client_filter_status (filter_id, post_id) VALUES (?, ?) RETURNING id",
                Long.parseLong(ids.get("filter")), Long.parseLong(ids.get("status"))).toString());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        app = MastodonApp.register(node, "https://app.example/callback", "read write profile push");
        clientToken = app.login("erika", "read write:media profile push");
        // The token's Web Push subscription, which GET push/subscription reads.
        try (var keys = de.allmende.testkit.PushReceiver.start()) {
            var subscribed = MastodonApp.json(node, "POST", "/api/v1/push/subscription", clientToken, "{\"subscription\":{\"endpoint\":"
                    + "\"https://push.example/abo\",\"keys\":{\"p256dh\":\"" + keys.p256dh() + "\",\"auth\":\"" + keys.auth() + "\"}}}");
            assertEquals(200, subscribed.statusCode(), subscribed::body);
        }
        passwordQuery = "?" + node.node().services().people.resetPassword("erika").getQuery();
        node.node().services().actors.ensureRelayActor("Relay"); // /relay exists on nodes that run a relay
        // A coordinator, and with it its topic groups, whose moderators collection exists.
        node.node().services().actors.createCoordinator(new de.allmende.domain.MunicipalityInput("netzwerk", "Netzwerk", null, null, null,
                null, null, null, null, false));
        coordinatorToken = StaffClient.issue(node, "netzwerk", Scope.values()).token(); // what it features: only a coordinator's
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    @DisplayName("the router's paths are the table's (closed parameters written out), plus the area-wide handlers")
    void routerPathsAreTheTable() {
        Set<String> declared = new TreeSet<>();
        for (Route route : Route.values()) {
            for (RouterPath p : route.template().routerPaths()) {
                declared.add(route.method() + " " + p.path());
                if (route.method() == HttpMethod.GET) declared.add("HEAD " + p.path()); // HEAD wherever GET is
            }
        }
        Set<String> areaWide = new TreeSet<>();
        for (Area area : Area.values()) if (!area.prefix().isEmpty()) areaWide.add(area.prefix() + "/");

        Router router = HttpVerticle.router(node.node().vertx(), HttpHandlers.create(node.node().services()));
        Set<String> routed = new TreeSet<>();
        for (io.vertx.ext.web.Route r : router.getRoutes()) {
            if (r.getPath() == null) continue; // handlers for every request: metrics, security headers, failures, the 404
            if (r.methods() == null || r.methods().isEmpty()) {
                assertTrue(areaWide.contains(r.getPath()), () -> "a path outside the route table: " + r.getPath());
                continue;
            }
            for (HttpMethod m : r.methods()) routed.add(m + " " + r.getPath());
        }
        assertEquals(declared, routed);
    }

    @Test
    @DisplayName("every GET route answers 2xx for things that exist, with a media type it declares")
    void everyReadingRouteIsServed() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : Route.values()) {
            if (route.method() != HttpMethod.GET) continue;
            for (RouterPath p : route.template().routerPaths()) {
                String target = fill(route, p) + sampleQuery(route);
                if (route == Route.STREAMING) { // a WebSocket: served when the handshake succeeds
                    sent++;
                    if (!webSocketOpens(target)) failures.add(route + " " + target + " → no WebSocket");
                    continue;
                }
                for (String accept : ACCEPTS) {
                    HttpResponse<?> r = get(route, target, accept);
                    sent++;
                    String type = r.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                    boolean declaredType = route.produces().contains(type) || route.produces().contains("*/*");
                    if (r.statusCode() / 100 != 2 || !declaredType) failures.add(route + " " + target + " (" + accept + ") → " + r.statusCode() + " " + type);
                }
            }
        }
        int total = sent;
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + total + ":\n" + String.join("\n", failures));
    }

    /** A router path with each open parameter filled by something that exists. */
    private static String fill(Route route, RouterPath p) {
        String kind = p.fixed().get(Param.KIND.name());
        String id = switch (route) {
            case ACTIVITY -> ids.get("activity");
            case MEDIA, STAFF_MEDIA, CLIENT_MEDIA -> ids.get("media");
            case OBJECT -> ids.get("object");
            case ACCOUNT, ACCOUNT_STATUSES, ACCOUNT_FOLLOWERS, ACCOUNT_FOLLOWING -> ids.get("account");
            case STATUS, STATUS_CONTEXT, STATUS_HISTORY, STATUS_SOURCE, POLL, STATUS_FAVOURITED_BY, STATUS_REBLOGGED_BY -> ids.get("status");
            case NOTIFICATION -> ids.get("notification");
            case ACCOUNT_LISTS -> ids.get("account");
            case LIST, LIST_ACCOUNTS, LIST_TIMELINE -> ids.get("list");
            case FILTER, FILTER_KEYWORDS, FILTER_STATUSES -> ids.get("filter");
            case FILTER_KEYWORD, FILTER_V1 -> ids.get("keyword");
            case FILTER_STATUS -> ids.get("filter_status");
            default -> kind == null ? "" : ids.get(kind);
        };
        String handle = route == Route.MODERATORS ? "transparenz" : "musterstadt"; // only a topic group has moderators
        return p.path().replace(":" + Param.HANDLE.name(), handle).replace(":" + Param.TAG_NAME.name(), "rathaus").replace(":id", id);
    }

    private static String sampleQuery(Route route) {
        if (route == Route.WEBFINGER) return "?resource=acct:musterstadt@" + node.publicUrl().getRawAuthority();
        if (route == Route.OAUTH_AUTHORIZE) return "?response_type=code&client_id=" + app.clientId + "&redirect_uri=https://app.example/callback";
        if (route == Route.PASSWORD) return passwordQuery;
        if (route == Route.ACCOUNT_LOOKUP) return "?acct=musterstadt";
        if (route == Route.SEARCH || route == Route.ACCOUNT_SEARCH) return "?q=muster";
        if (route == Route.STREAMING_HASHTAG || route == Route.STREAMING_HASHTAG_LOCAL) return "?tag=radweg";
        if (route == Route.STREAMING_LIST) return "?list=1";
        if (route == Route.STATISTICS_CSV || route == Route.STATISTICS_SVG || route == Route.STATISTICS_PNG) return "?chart=months";
        return "";
    }

    private static HttpResponse<?> get(Route route, String target, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + target)).header("Accept", accept).GET();
        if (route.access() == Access.STAFF) b.header("Authorization", "Bearer " + (route == Route.STAFF_FEATURED ? coordinatorToken : token));
        if (route.access() == Access.CLIENT) b.header("Authorization", "Bearer " + clientToken);
        if (!route.produces().contains(de.allmende.route.MediaType.EVENT_STREAM)) return TestNode.send(b.build());
        // Server-sent events never end: the head is the answer, then the stream is closed.
        try {
            HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean webSocketOpens(String target) {
        try {
            var ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + clientToken)
                    .buildAsync(URI.create(node.url().replace("http", "ws") + target), new java.net.http.WebSocket.Listener() {})
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            ws.abort();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
