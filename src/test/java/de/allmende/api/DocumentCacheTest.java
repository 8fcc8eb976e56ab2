package de.allmende.api;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.content.ContentKind;
import de.allmende.db.Notifications;
import de.allmende.domain.LocalActor;
import de.allmende.store.FollowStore;
import de.allmende.testkit.TestAccounts;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public documents are kept rendered and revalidated by ETag, and a change is never served stale: at
 * once in the process that made it, and within the notification's delay in another process of the same
 * node on the same database (as behind a load balancer).
 */
@DisplayName("Kept documents: ETag and 304, and no stale answer after a change")
class DocumentCacheTest {
    private static final String AS = "application/activity+json";
    private static final String LD = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** How long another process may serve the old document: the notification's way (documented bound ≤ 3 s). */
    private static final Duration OTHER_PROCESS = Duration.ofSeconds(3);

    private static TestNode writer;
    private static TestNode other;
    private static LocalActor musterstadt;
    private static String project;

    @BeforeAll
    static void start() {
        writer = TestNode.start();
        other = writer.sibling(Map.of());
        musterstadt = writer.create(Fixtures.musterstadt());
        project = writer.node().services().content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt())
                .iri().getRawPath();
        TestNode.await("both processes hear changes", () -> tracking(writer) && tracking(other));
    }

    @AfterAll
    static void stop() {
        if (other != null) other.close();
        if (writer != null) writer.close();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
            "/actors/musterstadt | " + AS,
            "/actors/musterstadt | " + LD,
            "/actors/musterstadt | " + BROWSER,
            "/@musterstadt | " + BROWSER,
            "PROJECT | " + AS,
            "PROJECT | " + BROWSER,
            "PROJECT?format=json | " + BROWSER,
            "/actors/musterstadt/outbox | " + AS,
            "/actors/musterstadt/outbox?page=true | " + AS,
            "/actors/musterstadt/followers | " + AS,
            "/actors/musterstadt/following | " + AS,
            "/actors/musterstadt/liked | " + AS,
            "/actors/musterstadt/featured | " + AS,
            "/actor | " + AS,
            "/actor | " + BROWSER,
            "/.well-known/webfinger?resource=acct:musterstadt@HOST | ",
            "/.well-known/nodeinfo | ",
            "/nodeinfo/2.0 | ",
            "/nodeinfo/2.1 | "})
    @DisplayName("each document answers with a strong ETag, the same bytes and headers again, and 304 to If-None-Match")
    void revalidatedByETag(String path, String accept) {
        for (TestNode node : new TestNode[]{writer, other}) {
            HttpResponse<String> first = get(node, path, accept, null);
            assertEquals(200, first.statusCode(), first::body);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertTrue(etag.startsWith("\""), etag);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
            HttpResponse<String> again = get(node, path, accept, null); // the way is known: answered before any route runs
            assertEquals(first.body(), again.body());
            assertEquals(first.headers().map(), again.headers().map(), "the same headers as the route gave the first time");
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
            HttpResponse<String> revalidated = get(node, path, accept, etag);
            assertEquals(304, revalidated.statusCode());
            assertEquals("", revalidated.body());
            assertEquals(etag, revalidated.headers().firstValue("ETag").orElseThrow());
        }
    }

    @Test
    @DisplayName("the same bytes as activity+json and as ld+json are two representations with two ETags")
    void etagPerRepresentation() {
        assertNotEquals(etag(get(writer, "/actors/musterstadt", AS, null)), etag(get(writer, "/actors/musterstadt", LD, null)));
    }

    @Test
    @DisplayName("new keys (a profile update): the actor document changes at once here, and soon in the other process")
    void profileUpdate() {
        String before = servedByBoth("/actors/musterstadt", AS);
        writer.node().services().actors.rotateKeys("musterstadt");
        assertChangedHere("/actors/musterstadt", AS, before);
        assertChangedThere("/actors/musterstadt", AS, r -> !r.body().equals(before));
    }

    @Test
    @DisplayName("a new post: outbox and profile page change at once here, and soon in the other process")
    void newOutboxItem() {
        long total = totalItems(get(other, "/actors/musterstadt/outbox", AS, null));
        String page = servedByBoth("/actors/musterstadt", BROWSER);
        servedByBoth("/actors/musterstadt/outbox", AS);
        writer.node().services().content.create(musterstadt, ContentKind.PROJECT, project("Radweg am Fluss"));
        assertEquals(total + 1, totalItems(get(writer, "/actors/musterstadt/outbox", AS, null)));
        assertChangedHere("/actors/musterstadt", BROWSER, page);
        assertTrue(get(writer, "/actors/musterstadt", BROWSER, null).body().contains("Radweg am Fluss"));
        assertChangedThere("/actors/musterstadt/outbox", AS, r -> totalItems(r) == total + 1);
        assertChangedThere("/actors/musterstadt", BROWSER, r -> r.body().contains("Radweg am Fluss"));
    }

    @Test
    @DisplayName("a new follower: the followers collection counts it at once here, and soon in the other process")
    void newFollower() {
        long total = totalItems(get(other, "/actors/musterstadt/followers", AS, null));
        servedByBoth("/actors/musterstadt/followers", AS);
        var follower = TestAccounts.stub(writer, URI.create("https://remote.example/users/neu"));
        var actor = TestAccounts.of(writer, writer.actorIri("musterstadt"));
        writer.node().services().db.dsl().transaction(cfg -> new FollowStore().upsert(cfg.dsl(),
                follower, actor, "https://remote.example/follows/1", FollowStore.State.ACCEPTED));
        assertEquals(total + 1, totalItems(get(writer, "/actors/musterstadt/followers", AS, null)));
        assertChangedThere("/actors/musterstadt/followers", AS, r -> totalItems(r) == total + 1);
    }

    @Test
    @DisplayName("a deleted object: 410 at once here (JSON and page), and soon in the other process")
    void deletedObject() {
        var content = writer.node().services().content.create(musterstadt, ContentKind.PROJECT, project("Wird gelöscht"));
        String path = content.iri().getRawPath();
        servedByBoth(path, AS);
        servedByBoth(path, BROWSER);
        writer.node().services().content.delete(musterstadt, ContentKind.PROJECT, content.id().orElseThrow());
        assertEquals(410, get(writer, path, AS, null).statusCode());
        assertEquals(410, get(writer, path, BROWSER, null).statusCode());
        assertChangedThere(path, AS, r -> r.statusCode() == 410);
        assertChangedThere(path, BROWSER, r -> r.statusCode() == 410 && !r.body().contains("Wird gelöscht"));
    }

    @Test
    @DisplayName("a process that lost its notifications keeps nothing until it hears them again, and misses no change meanwhile")
    void lostNotifications() {
        String before = servedByBoth("/actors/musterstadt", AS);
        writer.count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" + Notifications.APPLICATION_NAME + "' AND datname = current_database()");
        writer.node().services().actors.rotateKeys("musterstadt");
        assertChangedHere("/actors/musterstadt", AS, before);
        assertChangedThere("/actors/musterstadt", AS, r -> !r.body().equals(before));
        TestNode.await("both processes hear changes again", () -> tracking(writer) && tracking(other));
        String now = get(other, "/actors/musterstadt", AS, null).body();
        writer.node().services().actors.rotateKeys("musterstadt");
        assertChangedThere("/actors/musterstadt", AS, r -> !r.body().equals(now));
    }

    // ------------------------------------------------------------------ helpers

    private static com.fasterxml.jackson.databind.node.ObjectNode project(String title) {
        var p = ContentFixtures.offenerHaushalt();
        p.putObject("title").put("de", title);
        return p;
    }

    private static boolean tracking(TestNode node) {
        return node.node().services().db.changes().tracking();
    }

    /** GETs the document from both processes (twice, so both keep it) and returns the body. */
    private static String servedByBoth(String path, String accept) {
        String body = null;
        for (TestNode node : new TestNode[]{writer, other}) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = get(node, path, accept, null);
                assertEquals(200, r.statusCode(), r::body);
                if (body != null) assertEquals(body, r.body(), "both processes serve the same document");
                body = r.body();
            }
        }
        return body;
    }

    private static void assertChangedHere(String path, String accept, String before) {
        HttpResponse<String> r = get(writer, path, accept, null);
        assertNotEquals(before, r.body(), "the writing process served the old document after the write returned");
    }

    private static void assertChangedThere(String path, String accept, Predicate<HttpResponse<String>> changed) {
        long t0 = System.nanoTime();
        TestNode.await("the other process serves the new " + path, OTHER_PROCESS, () -> changed.test(get(other, path, accept, null)));
        System.out.printf("other process served the change of %s after %.1f ms%n", path, (System.nanoTime() - t0) / 1e6);
    }

    private static long totalItems(HttpResponse<String> r) {
        try {
            JsonNode doc = Responses.JSON.readTree(r.body());
            return doc.path("totalItems").asLong(-1);
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> get(TestNode node, String path, String accept, String ifNoneMatch) {
        String p = path.replace("PROJECT", project).replace("HOST", writer.publicUrl().getRawAuthority());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + p)).timeout(Duration.ofSeconds(10)).GET();
        if (accept != null && !accept.isBlank()) b.header("Accept", accept);
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return TestNode.send(b.build());
    }
}
