package de.allmende.federation.inbox;

import de.allmende.config.ConfigLoader;
import de.allmende.federation.inbox.HostileInbox.Rows;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.FakeRemote.Actor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static de.allmende.federation.inbox.HostileInbox.assertRejected;
import static de.allmende.federation.inbox.HostileInbox.awaitQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain blocks, actor blocks and allowlist mode at the inbox: 403, nothing written. */
@DisplayName("inbox: blocked and non-allowed senders get 403")
class InboxModerationTest {

    private static URI sharedInbox(TestNode node) {
        return URI.create(node.url() + "/inbox");
    }

    @Test
    @DisplayName("blocked domain → 403, also when the remote spells its host with userinfo or a trailing dot")
    void blockedDomain() {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start();
             FakeRemote sneaky = FakeRemote.start("x@127.0.0.1")) {
            node.create(Fixtures.musterstadt());
            var moderation = node.node().services().moderation;
            Actor alice = remote.actor("alice");
            // A legitimate delivery first, so the signer's key is cached (caching is allowed; writing activities is not).
            assertEquals(202, remote.post(sharedInbox(node), remote.createNote(alice, "before the block")).send().status());
            awaitQuiet(node);

            moderation.blockDomain("127.0.0.1");
            Rows before = Rows.of(node);
            assertRejected(node, before, remote.post(sharedInbox(node), remote.createNote(alice, "blocked")).send(), 403, "blocked");
            assertRejected(node, before, remote.post(sharedInbox(node), remote.createNote(alice, "blocked")).rfc9421Ed25519().send(),
                    403, "blocked");
            // http://x@127.0.0.1:port/… is the same host: the userinfo must not hide it from the block list.
            Actor mallory = sneaky.actor("mallory");
            assertRejected(node, before, sneaky.post(sharedInbox(node), sneaky.createNote(mallory, "userinfo")).send(), 403, "blocked");
            assertTrue(moderation.isBlockedDomain("x@127.0.0.1:8080"), "userinfo");
            moderation.blockDomain("blocked.example");
            assertTrue(moderation.isBlockedDomain("blocked.example."), "trailing dot");
            assertTrue(moderation.isBlockedDomain("Sub.BLOCKED.example.:443"), "case, subdomain, trailing dot and port");
        }
    }

    @Test
    @DisplayName("blocked actor → 403")
    void blockedActor() {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            Actor eve = remote.actor("eve");
            node.node().services().moderation.blockActor(eve.id().toString());
            Rows before = Rows.of(node);
            assertRejected(node, before, remote.post(sharedInbox(node), remote.createNote(eve, "hi")).send(), 403, "blocked");
            assertRejected(node, before, remote.post(sharedInbox(node), remote.follow(eve, node.actorIri("musterstadt"))).send(),
                    403, "blocked");
        }
    }

    @Test
    @DisplayName("allowlist mode: a remote not on the list → 403; once allowed → 202")
    void allowlist() {
        int port = TestNode.freePort();
        try (TestNode node = TestNode.start("http://127.0.0.1:" + port, port, Map.of(ConfigLoader.FEDERATION_MODE, "allowlist"));
             FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            Actor alice = remote.actor("alice");
            Rows before = Rows.of(node);
            assertRejected(node, before, remote.post(sharedInbox(node), remote.createNote(alice, "not allowed")).send(), 403, "blocked");
            assertEquals(0, remote.fetches("/users/alice"), "a non-allowed key must not even be fetched");

            node.node().services().moderation.allowDomain("127.0.0.1");
            var create = remote.createNote(alice, "allowed");
            assertEquals(202, remote.post(sharedInbox(node), create).send().status());
            String iri = create.path("object").path("id").asText();
            TestNode.await("note stored", Duration.ofSeconds(20),
                    () -> node.count("SELECT count(*) FROM ap_object WHERE iri = '" + iri + "'") == 1);
        }
    }
}
