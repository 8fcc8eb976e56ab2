package de.allmende.federation.inbox;

import de.allmende.config.ConfigLoader;
import de.allmende.content.ContentKind;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.FakeRemote.Response;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static de.allmende.federation.inbox.HostileInbox.assertCleanError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ALLMENDE_AUTHORIZED_FETCH=true: ActivityStreams GETs need a signature; HTML, icons and the instance actor stay open. */
@DisplayName("authorized fetch: unsigned ActivityStreams GETs get 401")
class AuthorizedFetchTest {
    private static final String AS = "application/activity+json";
    private static TestNode node;
    private static FakeRemote remote;
    private static Actor alice;

    @BeforeAll
    static void start() {
        int port = TestNode.freePort();
        node = TestNode.start("http://127.0.0.1:" + port, port, Map.of(ConfigLoader.AUTHORIZED_FETCH, "true"));
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        alice = remote.actor("alice");
    }

    @AfterAll
    static void stop() {
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    private static URI at(String path) {
        return URI.create(node.url() + path);
    }

    private static void assertUnauthorized(Response r) {
        assertEquals(401, r.status(), r::toString);
        assertCleanError(r);
    }

    @Test
    @DisplayName("unsigned GET of an actor with Accept activity+json → 401; signed by a remote actor → 200")
    void actorNeedsSignature() {
        assertUnauthorized(remote.get(at("/actors/musterstadt"), AS, null));
        Response signed = remote.get(at("/actors/musterstadt"), AS, alice);
        assertEquals(200, signed.status(), signed::toString);
        assertEquals(node.actorIri("musterstadt").toString(), signed.json().path("id").asText());
    }

    @Test
    @DisplayName("a signature whose key cannot be fetched → 401")
    void unknownKey() {
        try (FakeRemote other = FakeRemote.start()) {
            Actor stranger = other.actor("stranger");
            stranger.published(false);
            assertUnauthorized(other.get(at("/actors/musterstadt"), AS, stranger));
        }
    }

    @Test
    @DisplayName("the instance actor is served unsigned (200)")
    void instanceActorOpen() {
        Response r = remote.get(at("/actor"), AS, null);
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().has("publicKey"), r::toString);
    }

    @Test
    @DisplayName("the HTML profile and the icon are served unsigned (200)")
    void htmlOpen() {
        Response html = remote.get(at("/actors/musterstadt"), "text/html", null);
        assertEquals(200, html.status(), html::toString);
        assertTrue(html.headers().get("content-type").get(0).startsWith("text/html"), html::toString);
        Response profile = remote.get(at("/@musterstadt"), "text/html,application/xhtml+xml", null);
        assertEquals(200, profile.status(), profile::toString);
    }

    @Test
    @DisplayName("content: the HTML page and the Atom and iCalendar feeds are open; its JSON-LD (also via ?format=json) needs a signature")
    void publicFaceOpen() {
        var musterstadt = node.actor("musterstadt");
        URI iri = node.node().services().content.create(musterstadt, ContentKind.PROJECT, ContentFixtures.offenerHaushalt()).iri();
        Response page = remote.get(at(iri.getRawPath()), "text/html,application/xhtml+xml", null);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.headers().get("content-type").get(0).startsWith("text/html"), page::toString);
        assertUnauthorized(remote.get(at(iri.getRawPath()), AS, null));
        assertUnauthorized(remote.get(at(iri.getRawPath() + "?format=json"), "text/html", null));
        assertUnauthorized(remote.get(at(iri.getRawPath()), null, null));
        assertEquals(200, remote.get(at(iri.getRawPath()), AS, alice).status());
        for (String feed : new String[]{"/actors/musterstadt/feed.atom", "/actors/musterstadt/projects/feed.atom", "/actors/musterstadt/events.ics"}) {
            Response r = remote.get(at(feed), null, null);
            assertEquals(200, r.status(), () -> feed + " " + r);
        }
    }

    @Test
    @DisplayName("no way around it: upper-case Accept, no Accept or text/html on JSON-only resources → 401")
    void noBypass() {
        assertUnauthorized(remote.get(at("/actors/musterstadt"), "application/ACTIVITY+JSON", null));
        assertUnauthorized(remote.get(at("/actors/musterstadt"), "APPLICATION/LD+JSON; profile=\"https://www.w3.org/ns/activitystreams\"", null));
        for (String path : new String[]{"/actors/musterstadt/outbox", "/actors/musterstadt/followers", "/actors/musterstadt/following"}) {
            assertUnauthorized(remote.get(at(path), null, null));
            assertUnauthorized(remote.get(at(path), "text/html", null));
            assertUnauthorized(remote.get(at(path), AS, null));
            Response signed = remote.get(at(path), AS, alice);
            assertEquals(200, signed.status(), () -> path + " " + signed);
        }
    }

    @Test
    @DisplayName("a GET signed by an actor of a blocked domain → 403")
    void blockedSigner() {
        try (FakeRemote blocked = FakeRemote.start("localhost")) {
            Actor mallory = blocked.actor("mallory");
            node.node().services().moderation.blockDomain("localhost");
            Response r = blocked.get(at("/actors/musterstadt"), AS, mallory);
            assertEquals(403, r.status(), r::toString);
            assertCleanError(r);
        }
    }

    @Test
    @DisplayName("documents kept for signed GETs are no way around it: unsigned → 401, also with their ETag; marked private for shared caches")
    void keptDocumentsStillNeedTheSignature() {
        for (String path : new String[]{"/actors/musterstadt", "/actors/musterstadt/outbox"}) {
            Response signed = remote.get(at(path), AS, alice);
            assertEquals(200, signed.status(), signed::toString);
            assertEquals(200, remote.get(at(path), AS, alice).status(), "kept and served again");
            assertEquals(java.util.List.of("private, no-cache"), signed.headers().get("cache-control"));
            assertUnauthorized(remote.get(at(path), AS, null));
            var conditional = java.net.http.HttpRequest.newBuilder(at(path)).header("Accept", AS)
                    .header("If-None-Match", signed.headers().get("etag").getFirst()).GET().build();
            assertEquals(401, TestNode.send(conditional).statusCode(), "no 304 without a signature either");
        }
    }
}
