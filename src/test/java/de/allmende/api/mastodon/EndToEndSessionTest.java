package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.ExternalProgram;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.InteropPeer;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.MastoJsClient;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.NodeScripts;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10's first "Done when" for masto.js: an app nobody here wrote ({@code session.mjs}) works a municipality's
 * account against the independent Fedify peer ({@code src/test/interop/peer}), all over real HTTP on loopback. The
 * script logs in through the node's real login page with PKCE, resolves and follows the peer, sees its post on the
 * home timeline and on the open WebSocket within a second. The peer then follows the municipality (a public post
 * reaches its author's followers and those it mentions, as on Mastodon, so the peer must follow to receive it); the
 * app posts an image, replies, favourites and boosts, and the peer verifies the signature of each. Last the peer
 * mentions, likes and boosts, and the app sees those and the follow as notifications. Polls are left to
 * {@link IndependentClientsTest#mastodonPyWrites} (poll creation is built on another branch).
 *
 * <p>Of the step timings it prints, two are masto.js's own waits: the WebSocket opens after its backoff's first
 * second, and an uploaded image is fetched again after a second even though the node answers 200 with its URL.
 */
@DisplayName("masto.js works a municipality's account against the independent Fedify peer, end to end")
class EndToEndSessionTest {
    private static final Duration SESSION = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    @DisplayName("login with PKCE → resolve → follow → stream in < 1 s → image, reply, favourite, boost → the peer's follow, mention, like, boost notify")
    void session() throws Exception {
        long started = System.nanoTime();
        Path image = Files.createTempFile("lageplan", ".png");
        Files.write(image, SampleFiles.png());
        try (TestNode node = TestNode.start(); InteropPeer peer = InteropPeer.start(ExternalProgram.repoRoot())) {
            node.create(Fixtures.musterstadt());
            MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
            String municipality = "acct:musterstadt@" + node.publicUrl().getRawAuthority();
            System.out.printf("e2e: node and peer up in %d ms%n", millisSince(started));

            JsonNode seen;
            try (ExternalProgram app = MastoJsClient.start("session.mjs", node.url(), peer.baseUri().toString(), peer.handle(),
                    municipality, image.toString())) {
                String authorize = NodeScripts.lastJsonLine("session.mjs", app.expect("\\{\"authorize\".*\\n", SESSION).group())
                        .path("authorize").asText();
                assertTrue(authorize.contains("code_challenge_method=S256"), authorize);
                app.answer(MastodonApp.authorize(new LoginBrowser("de"), authorize, "erika"));
                String output = app.finish(SESSION);
                System.out.println(output.lines().filter(l -> l.startsWith("step ") || l.startsWith("stream "))
                        .map(l -> "e2e (masto.js): " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
                seen = NodeScripts.lastJsonLine("session.mjs", output);
            }

            assertEquals("musterstadt", seen.at("/me/acct").asText(), seen.toString());
            assertEquals(peer.handle(), seen.at("/resolved/acct").asText(), "resolved by handle: " + seen);
            assertTrue(seen.at("/relationship/following").asBoolean(), "the peer's Accept made it following: " + seen);
            assertTrue(peer.followers().contains(node.actorIri("musterstadt").toString()), "the peer counts us as follower");
            long latency = seen.at("/streaming/latencyMs").asLong();
            assertTrue(latency < 1000, "the peer's post reached the open stream in " + latency + " ms: " + seen);
            assertTrue(seen.at("/home/found").asBoolean(), "on the home timeline: " + seen);

            String postUri = seen.at("/post/uri").asText();
            String peerNote = seen.at("/streaming/uri").asText();
            assertEquals(1, seen.at("/post/attachments").asInt(), seen.toString());
            assertEquals(seen.at("/reply/of").asText(), seen.at("/reply/inReplyToId").asText());
            assertTrue(seen.path("favourited").asBoolean() && seen.at("/boost/reblogged").asBoolean(), seen.toString());

            long checking = System.nanoTime();
            receivedSigned(peer, "Create with the image", a -> "Create".equals(type(a)) && postUri.equals(a.at("/activity/object/id").asText())
                    && a.at("/activity/object/attachment").size() == 1 && a.at("/activity/object/attachment/0/mediaType").asText().startsWith("image/"));
            receivedSigned(peer, "Create of the reply", a -> "Create".equals(type(a)) && peerNote.equals(a.at("/activity/object/inReplyTo").asText()));
            receivedSigned(peer, "Like", a -> "Like".equals(type(a)) && peerNote.equals(object(a)));
            receivedSigned(peer, "Announce", a -> "Announce".equals(type(a)) && peerNote.equals(object(a)));
            System.out.printf("e2e: the peer verified all four in %d ms%n", millisSince(checking));

            List<String> kinds = seen.path("notifications").findValuesAsText("type");
            assertTrue(kinds.containsAll(List.of("follow", "mention", "favourite", "reblog")), seen.toString());
            seen.path("notifications").forEach(n -> {
                assertEquals(peer.handle(), n.path("acct").asText(), n.toString());
                String about = n.path("type").asText();
                if (about.equals("mention")) assertEquals(seen.path("mentionUri").asText(), n.path("status").asText());
                if (about.equals("favourite") || about.equals("reblog")) assertEquals(postUri, n.path("status").asText());
            });
            System.out.printf("e2e: stream latency %d ms; whole session %d ms%n", latency, millisSince(started));
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /** The peer got the activity, and Fedify's verifyRequest accepted its HTTP signature. */
    private static void receivedSigned(InteropPeer peer, String what, Predicate<JsonNode> match) {
        JsonNode got = peer.awaitInbox(match, WAIT);
        assertTrue(got.path("signatureVerified").asBoolean(), what + " must carry a signature Fedify verifies: " + got);
        assertTrue(peer.rejected().isEmpty(), "the peer refused nothing: " + peer.rejected());
    }

    private static String type(JsonNode received) {
        return received.path("type").asText();
    }

    private static String object(JsonNode received) {
        JsonNode o = received.at("/activity/object");
        return o.isTextual() ? o.asText() : o.path("id").asText();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
