package de.allmende.api;

import de.allmende.config.ConfigLoader;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With ALLMENDE_AUTHORIZED_FETCH, a document kept for a signed request is no way around the signature check. */
@DisplayName("Kept documents under authorized fetch")
class DocumentCacheAuthorizedFetchTest {
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

    @Test
    @DisplayName("after signed GETs kept the actor and its outbox: unsigned → 401, even with the ETag; a blocked domain's signer → 403")
    void keptDocumentsStillNeedTheSignature() {
        for (String path : List.of("/actors/musterstadt", "/actors/musterstadt/outbox")) {
            URI target = URI.create(node.url() + path);
            Response signed = remote.get(target, AS, alice);
            assertEquals(200, signed.status(), signed::toString);
            assertEquals(200, remote.get(target, AS, alice).status(), "kept and served again");
            assertEquals(List.of("private, no-cache"), signed.headers().get("cache-control"), "shared caches must not pass it on");
            assertEquals(401, remote.get(target, AS, null).status());
            String etag = signed.headers().get("etag").getFirst();
            var conditional = java.net.http.HttpRequest.newBuilder(target).header("Accept", AS).header("If-None-Match", etag).GET().build();
            assertEquals(401, TestNode.send(conditional).statusCode(), "no 304 without a signature either");
        }
        try (FakeRemote blocked = FakeRemote.start("localhost")) {
            Actor mallory = blocked.actor("mallory");
            node.node().services().federation.moderation.blockDomain("localhost");
            assertEquals(403, blocked.get(URI.create(node.url() + "/actors/musterstadt"), AS, mallory).status());
        }
    }
}
