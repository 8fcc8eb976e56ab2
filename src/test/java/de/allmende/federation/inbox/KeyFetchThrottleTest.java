package de.allmende.federation.inbox;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.allmende.federation.inbox.HostileInbox.assertCleanError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing an attacker names is fetched unthrottled (issue 8, finding 7): fetches of unknown keys are
 * shared by concurrent requests, remembered when they fail, and limited per host. Each test has its
 * own fake remote (its own host), so the limits of one do not reach into another.
 */
@DisplayName("inbox: key fetches are coalesced, negatively cached and rate-limited per host")
class KeyFetchThrottleTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    private static URI sharedInbox() {
        return HostileInbox.sharedInbox(node);
    }

    private static Response postNamingKey(FakeRemote remote, Actor signer, String keyId) {
        return remote.post(sharedInbox(), remote.createNote(signer, "signed with a key nobody publishes")).keyId(keyId).send();
    }

    @Test
    @DisplayName("50 concurrent POSTs naming one unknown key cause at most one fetch, all 401")
    void concurrentUnknownKeyFetchedOnce() throws Exception {
        try (FakeRemote remote = FakeRemote.start(); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Actor alice = remote.actor("alice");
            String ghost = remote.base() + "/users/ghost#main-key";
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) answers.add(pool.submit(() -> postNamingKey(remote, alice, ghost)));
            for (Future<Response> a : answers) {
                Response r = a.get();
                assertEquals(401, r.status(), r::toString);
                assertCleanError(r);
            }
            assertTrue(remote.fetches("/users/ghost") <= 1, () -> remote.fetches("/users/ghost") + " fetches");
        }
    }

    @Test
    @DisplayName("50 sequential POSTs naming one unknown key within the negative-cache window cause at most one fetch")
    void failedKeyIsRemembered() {
        try (FakeRemote remote = FakeRemote.start()) {
            Actor alice = remote.actor("alice");
            String ghost = remote.base() + "/users/ghost#main-key";
            for (int i = 0; i < 50; i++) {
                Response r = postNamingKey(remote, alice, ghost);
                assertEquals(401, r.status(), r::toString);
                assertTrue(r.error().contains("key"), r::toString);
            }
            assertTrue(remote.fetches("/users/ghost") <= 1, () -> remote.fetches("/users/ghost") + " fetches");
        }
    }

    @Test
    @DisplayName("a stale date, a wrong digest or a keyId that is no http(s) URL is refused before any key is fetched")
    void cheapChecksComeFirst() {
        try (FakeRemote remote = FakeRemote.start()) {
            Actor alice = remote.actor("alice");
            String ghost = remote.base() + "/users/ghost#main-key";
            Response stale = remote.post(sharedInbox(), remote.createNote(alice, "old")).keyId(ghost)
                    .date(java.time.Instant.now().minus(java.time.Duration.ofHours(2))).send();
            Response tampered = remote.post(sharedInbox(), remote.createNote(alice, "original")).keyId(ghost)
                    .tamperBody(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("original", "changed")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
            Response notWeb = remote.post(sharedInbox(), remote.createNote(alice, "x")).keyId("ftp://127.0.0.1:" + remote.port() + "/k").send();
            for (Response r : List.of(stale, tampered, notWeb)) assertEquals(401, r.status(), r::toString);
            assertEquals(0, remote.received().size(), "nothing was fetched");
        }
    }

    @Test
    @DisplayName("many different unknown keys on one host: fetches stop at the host's limit, then 429 with Retry-After")
    void fetchesPerHostAreLimited() {
        try (FakeRemote remote = FakeRemote.start(); FakeRemote other = FakeRemote.start()) {
            Actor alice = remote.actor("alice");
            int refused = 0;
            for (int i = 0; i < 60; i++) {
                Response r = postNamingKey(remote, alice, remote.base() + "/users/ghost-" + i + "#main-key");
                assertCleanError(r);
                if (r.status() == 429) {
                    refused++;
                    assertTrue(Integer.parseInt(r.headers().get("retry-after").getFirst()) > 0, r::toString);
                } else {
                    assertEquals(401, r.status(), r::toString);
                }
            }
            long fetched = remote.received().stream().filter(g -> g.method().equals("GET")).count();
            assertTrue(fetched <= 30, () -> fetched + " fetches from one host");
            int refusals = refused;
            assertTrue(refusals >= 30, () -> refusals + " refused");
            // Another host has its own budget, and known keys need no fetch at all.
            Actor bob = other.actor("bob");
            assertEquals(202, other.post(sharedInbox(), other.createNote(bob, "my host is not throttled")).send().status());
        }
    }

    @Test
    @DisplayName("a slow key server: 429 with Retry-After within a second while the fetch goes on; the retry is accepted without fetching again")
    void slowKeyServerIsNotWaitedFor() throws Exception {
        try (FakeRemote remote = FakeRemote.start()) {
            Actor alice = remote.actor("alice");
            remote.answerGetsAfter(java.time.Duration.ofMillis(1500)); // slower than the inbox waits (1 s), well within the fetch deadline
            long start = System.nanoTime();
            Response first = remote.post(sharedInbox(), remote.createNote(alice, "my key server is slow")).sendOnce();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(429, first.status(), first::toString);
            assertCleanError(first);
            assertTrue(Integer.parseInt(first.headers().get("retry-after").getFirst()) > 0, first::toString);
            assertTrue(millis < 1000, () -> "answered after " + millis + " ms");

            Thread.sleep(2000); // the fetch, started by the first request, ends meanwhile (about 0.5 s from now)
            Response retry = remote.post(sharedInbox(), remote.createNote(alice, "my key server is slow")).sendOnce();
            assertEquals(202, retry.status(), retry::toString);
            assertEquals(1, remote.fetches("/users/alice"), "the retry used the key fetched for the first request");
        }
    }
}
