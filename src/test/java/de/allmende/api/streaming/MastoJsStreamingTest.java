package de.allmende.api.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastoJsClient;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** masto.js, an independent client, opens the user stream (token as the WebSocket subprotocol) and gets the update. */
@DisplayName("masto.js streams the user timeline")
class MastoJsStreamingTest {

    @Test
    @DisplayName("a followed peer's post arrives as an update on masto.js's user stream")
    void userStream() throws Exception {
        try (TestNode node = TestNode.start(); FakeRemote remote = FakeRemote.start()) {
            node.create(Fixtures.musterstadt());
            FakeRemote.Actor anna = remote.actor("anna");
            MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
            String token = MastodonApp.register(node, "https://app.example/callback", "read").login("kaemmerin", "read");
            StreamingScenes.follow(node, remote, anna, "musterstadt");

            CompletableFuture<JsonNode> client = CompletableFuture.supplyAsync(() -> MastoJsClient.run("streaming.mjs", node.url(), token));
            TestNode.await("masto.js is connected", Duration.ofSeconds(30), () -> client.isDone() || node.node().services().streamHub.open() == 1);
            // Its subscribe message follows the handshake and Mastodon confirms none: post until one reaches it.
            java.util.List<String> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 15 && !client.isDone(); i++) {
                ObjectNode create = remote.createNote(anna, "<p>Grüße an masto.js " + i + "</p>");
                StreamingScenes.deliver(node, remote, create);
                sent.add(create.at("/object/id").asText());
                for (long end = System.nanoTime() + 1_000_000_000L; !client.isDone() && System.nanoTime() < end; ) Thread.sleep(50);
            }

            JsonNode got = client.get();
            assertEquals("update", got.path("event").asText(), got::toString);
            assertTrue(sent.contains(got.path("uri").asText()), "one of the posts delivered: " + got);
            assertEquals("anna@" + anna.id().getRawAuthority(), got.path("acct").asText());
        }
    }
}
