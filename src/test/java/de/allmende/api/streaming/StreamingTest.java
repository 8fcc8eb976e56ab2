package de.allmende.api.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.people.Role;
import de.allmende.service.stream.StreamHub;
import de.allmende.service.stream.StreamLimits;
import de.allmende.service.stream.Streams;
import de.allmende.testkit.FakeRemote;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.MastodonEntities;
import de.allmende.testkit.StreamingClient;
import de.allmende.testkit.StreamingClient.Event;
import de.allmende.testkit.StreamingClient.Socket;
import de.allmende.testkit.StreamingClient.Sse;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streaming (issue 10) as apps use it, over real WebSockets and server-sent events on loopback: a followed peer's
 * post reaches the home stream within a second; public, local and hashtag streams carry only public posts;
 * followers-only posts only reach followers' home streams; the token may come as a header, a query parameter or the
 * WebSocket subprotocol (echoed); bad tokens, revoked tokens, too many streams and slow readers are turned away.
 */
@DisplayName("Streaming: WebSocket and server-sent events")
class StreamingTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static TestNode node;
    private static FakeRemote remote;
    private static FakeRemote.Actor anna;
    private static String token;
    private static StreamingClient clients;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        remote = FakeRemote.start();
        anna = remote.actor("anna");
        MastodonApp.person(node, "kaemmerin", "musterstadt", Role.EDITOR);
        token = MastodonApp.register(node, "https://app.example/callback", "read write").login("kaemmerin", "read");
        clients = new StreamingClient();
        StreamingScenes.follow(node, remote, anna, "musterstadt");
    }

    @AfterAll
    static void stop() {
        if (clients != null) clients.close();
        if (remote != null) remote.close();
        if (node != null) node.close();
    }

    @AfterEach
    void defaultLimits() {
        hub().limits(StreamLimits.DEFAULTS);
    }

    @Test
    @DisplayName("the health check answers OK without a token")
    void health() {
        var r = node.get("/api/v1/streaming/health", "*/*");
        assertEquals(200, r.statusCode());
        assertEquals("OK", r.body());
    }

    @Test
    @DisplayName("no token or a bad one is a 401, for the WebSocket and for server-sent events")
    void badToken() {
        assertEquals(401, clients.refusal(node, "stream=user", Map.of("Authorization", "Bearer almo_nonsense")));
        assertEquals(401, clients.refusal(node, "stream=user", Map.of()));
        assertEquals(401, clients.events(node, "/api/v1/streaming/user", "almo_nonsense").statusCode());
        assertEquals(401, clients.events(node, "/api/v1/streaming/public", null).statusCode());
        assertEquals(400, clients.events(node, "/api/v1/streaming/hashtag", token).statusCode(), "a hashtag stream needs its tag");
    }

    @Test
    @DisplayName("a followed peer's post arrives on the user stream within a second of its delivery, as a Status")
    void userStream() {
        Socket ws = clients.socket(node, "stream=user", Map.of("Authorization", "Bearer " + token));
        ObjectNode create = remote.createNote(anna, "<p>Neuigkeiten aus Annas Stadt</p>");
        long delivered = System.nanoTime();
        StreamingScenes.deliver(node, remote, create);
        Event e = ws.next(SECOND);
        assertNotNull(e, "no update within a second");
        System.out.printf("stream latency from inbox acceptance: %d ms%n", (System.nanoTime() - delivered) / 1_000_000);
        assertEquals("update", e.event());
        assertEquals(List.of("user"), List.of(e.stream().get(0).asText()));
        JsonNode status = e.json();
        MastodonEntities.assertShape("Status", status);
        assertEquals(create.at("/object/id").asText(), status.path("uri").asText());
        ws.ws.close();
    }

    @Test
    @DisplayName("the public stream carries remote and local public posts, public:local only the local ones")
    void publicAndLocal() throws Exception {
        Sse all = clients.sse(node, "/api/v1/streaming/public", token);
        Sse local = clients.sse(node, "/api/v1/streaming/public/local", token);
        String remoteNote = StreamingScenes.post(node, remote, anna, "<p>von Anna</p>", List.of(StreamingScenes.PUBLIC), List.of());
        URI localNote = node.node().services().notes.publish(node.actor("musterstadt"), "<p>aus dem Rathaus</p>");
        List<String> mine = List.of(remoteNote, localNote.toString());
        assertEquals(remoteNote, nextOf(all, mine));
        assertEquals(localNote.toString(), nextOf(all, mine));
        assertEquals(localNote.toString(), nextOf(local, mine), "the remote post is not on public:local");
        all.close();
        local.close();
    }

    @Test
    @DisplayName("a followers-only post reaches the follower's user stream, never a public one")
    void followersOnly() {
        Socket ws = clients.socket(node, "stream=user", Map.of("Authorization", "Bearer " + token));
        awaitPublicSubscription(ws); // subscribes, and probes until the node has taken it up (Mastodon confirms none)
        Sse publicSse = clients.sse(node, "/api/v1/streaming/public", token);
        String hidden = StreamingScenes.post(node, remote, anna, "<p>nur für Folgende</p>", List.of(anna.id() + "/followers"), List.of());
        String open = StreamingScenes.post(node, remote, anna, "<p>für alle</p>", List.of(StreamingScenes.PUBLIC), List.of());
        List<Event> events = new java.util.ArrayList<>();
        for (Event e = ws.next(SECOND.multipliedBy(3)); e != null; e = ws.next(SECOND.multipliedBy(events.size() < 3 ? 5 : 1))) events.add(e);
        List<String> seen = events.stream().map(e -> e.stream().get(0).asText() + " " + e.json().path("uri").asText()).sorted().toList();
        assertEquals(List.of("public " + open, "user " + hidden, "user " + open).stream().sorted().toList(), seen,
                "the hidden post on user only, the open one on user and public");
        assertEquals("private", events.stream().filter(e -> e.json().path("uri").asText().equals(hidden))
                .findFirst().orElseThrow().json().path("visibility").asText());
        assertEquals(open, publicSse.next(SECOND.multipliedBy(3)).json().path("uri").asText(), "the followers-only post came first");
        ws.ws.close();
    }

    @Test
    @DisplayName("the token may come as the WebSocket subprotocol, which the handshake echoes, or as access_token")
    void tokenInSubprotocolOrQuery() {
        Socket byProtocol = clients.socket(node, "stream=public", Map.of(), token);
        assertEquals(token, byProtocol.ws.subProtocol());
        Socket byQuery = clients.socket(node, "stream=public&access_token=" + token, Map.of());
        URI note = node.node().services().notes.publish(node.actor("musterstadt"), "<p>an alle Kanäle</p>");
        assertEquals(note.toString(), byProtocol.next(SECOND.multipliedBy(3)).json().path("uri").asText());
        assertEquals(note.toString(), byQuery.next(SECOND.multipliedBy(3)).json().path("uri").asText());
        byProtocol.ws.close();
        byQuery.ws.close();
    }

    @Test
    @DisplayName("the handshake declines per-message compression, whose zlib state would cost each open socket some 300 KB")
    void noCompression() {
        Socket ws = clients.socket(node, "stream=user", Map.of("Authorization", "Bearer " + token,
                "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"));
        assertNull(ws.ws.headers().get("Sec-WebSocket-Extensions"), ws.ws.headers().toString());
        ws.ws.close();
    }

    @Test
    @DisplayName("a message sent the moment the handshake's answer arrives is read, never dropped (it waits until the node listens)")
    void firstMessageRightAfterHandshake() throws Exception {
        // A raw socket answers the 101 in the same thread that read it, faster than any client library: the frame can
        // reach the node before the handler's virtual thread has set its message handler.
        String upgrade = "GET /api/v1/streaming HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        byte[] frame = RawFrames.maskedText("{\"type\":\"subscribe\",\"stream\":\"nonsense\"}");
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", node.node().port())) {
                raw.setSoTimeout(3000);
                raw.setTcpNoDelay(true);
                raw.getOutputStream().write(upgrade.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String head = RawFrames.readUntil(raw.getInputStream(), "\r\n\r\n");
                assertTrue(head.startsWith("HTTP/1.1 101"), head);
                raw.getOutputStream().write(frame);
                if (!head.contains("\"status\":400")) RawFrames.readUntil(raw.getInputStream(), "\"status\":400");
            }
        }
    }

    @Test
    @DisplayName("subscribe and unsubscribe messages choose hashtag streams; edits and deletions follow the post")
    void hashtagEditDelete() {
        Socket ws = clients.socket(node, "", Map.of("Authorization", "Bearer " + token));
        ws.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\",\"tag\":\"Radweg\"}");
        ws.send("{\"type\":\"subscribe\",\"stream\":\"nonsense\"}");
        assertEquals(400, StreamingScenes.poll(ws.errors).path("status").asInt());
        ws.send("[\"kein Objekt\"]");
        assertEquals(400, StreamingScenes.poll(ws.errors).path("status").asInt(), "a message that is no JSON object");
        ObjectNode note = remote.note(anna, "<p>Neuer <a href=\"https://x.example/tags/radweg\">#radweg</a></p>");
        note.putArray("tag").addObject().put("type", "Hashtag").put("name", "#radweg").put("href", "https://x.example/tags/radweg");
        StreamingScenes.deliver(node, remote, remote.create(anna, note));
        Event tagged = ws.next(SECOND.multipliedBy(3));
        assertEquals("[\"hashtag\",\"radweg\"]", tagged.stream().toString());
        String id = tagged.json().path("id").asText();

        ObjectNode update = remote.activity(anna, "Update");
        note.put("content", "<p>Geänderter #radweg</p>").put("updated", java.time.Instant.now().toString());
        update.set("object", note);
        StreamingScenes.deliver(node, remote, update);
        Event edited = ws.next(SECOND.multipliedBy(3));
        assertEquals("status.update", edited.event());
        assertTrue(edited.json().path("content").asText().contains("Geänderter"));

        ObjectNode delete = remote.activity(anna, "Delete");
        delete.putObject("object").put("id", note.path("id").asText()).put("type", "Tombstone");
        StreamingScenes.deliver(node, remote, delete);
        Event deleted = ws.next(SECOND.multipliedBy(3));
        assertEquals("delete", deleted.event());
        assertEquals(id, deleted.payload(), "a deletion's payload is just the id");

        ws.send("{\"type\":\"unsubscribe\",\"stream\":\"hashtag\",\"tag\":\"radweg\"}");
        StreamingScenes.post(node, remote, anna, "<p>wieder #radweg</p>", List.of(StreamingScenes.PUBLIC), List.of());
        assertNull(ws.next(QUIET), "unsubscribed");
        ws.ws.close();
    }

    @Test
    @DisplayName("notifications go out through Streams.publishNotification and the plugged renderer; a slow reader is closed")
    void notificationsAndSlowReader() throws InterruptedException {
        String big = "x".repeat(64 * 1024);
        var real = hub().notificationRenderer();
        hub().renderNotificationsWith((viewer, id) -> Optional.of("{\"id\":\"" + id + "\",\"type\":\"mention\",\"pad\":\"" + big + "\"}"));
        long account = node.count("SELECT a.id FROM account a JOIN actor x ON x.id = a.local_actor_id WHERE x.handle = 'musterstadt'");
        Socket reader = clients.socket(node, "stream=user:notification", Map.of("Authorization", "Bearer " + token));
        Streams.publishNotification(node.node().services().db.dsl(), account, 4711);
        Event n = reader.next(SECOND.multipliedBy(3));
        assertEquals("notification", n.event());
        assertEquals("4711", n.json().path("id").asText());
        reader.ws.close();

        hub().limits(new StreamLimits(16, 200, 128 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(60)));
        Socket slow = clients.socket(node, "stream=user:notification", Map.of("Authorization", "Bearer " + token));
        slow.ws.pause(); // reads nothing more: the kernel's buffers fill, then the node's bounded queue
        int sent = 400; // 25 MiB of events, far more than loopback buffers hold
        for (int i = 0; i < sent; i++) Streams.publishNotification(node.node().services().db.dsl(), account, i);
        Thread.sleep(2000); // the node writes until the reader's queue is full, and closes it
        slow.ws.resume();
        TestNode.await("the slow reader is closed", Duration.ofSeconds(20), () -> slow.closed);
        assertTrue(slow.events.size() < sent, "cut off after " + slow.events.size() + " of " + sent);
        hub().renderNotificationsWith(real);
    }

    @Test
    @DisplayName("a peer's like of the municipality's post arrives on the notification stream as a Notification")
    void likeArrivesAsNotification() {
        Socket ws = clients.socket(node, "stream=user:notification", Map.of("Authorization", "Bearer " + token));
        var musterstadt = node.node().services().actors.findMunicipality("musterstadt").orElseThrow();
        URI post = node.node().services().notes.publish(musterstadt, "<p>Bürgersprechstunde am Montag</p>");
        StreamingScenes.deliver(node, remote, remote.like(anna, post));
        Event e = ws.next(Duration.ofSeconds(5));
        assertNotNull(e, "no notification event");
        assertEquals("notification", e.event());
        MastodonEntities.assertShape("Notification", e.json());
        assertEquals("favourite", e.json().path("type").asText());
        assertEquals(post.toString(), e.json().at("/status/uri").asText());
        ws.ws.close();
    }

    @Test
    @DisplayName("a token holds at most its limit of streams (429 beyond), and a revoked token's streams end")
    void limitsAndRevocation() {
        String second = MastodonApp.register(node, "https://app.example/callback", "read").login("kaemmerin", "read");
        hub().limits(new StreamLimits(2, 200, 256 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(1)));
        Sse one = clients.sse(node, "/api/v1/streaming/user", second);
        Socket two = clients.socket(node, "stream=user", Map.of("Authorization", "Bearer " + second));
        assertEquals(429, clients.events(node, "/api/v1/streaming/public", second).statusCode());
        assertEquals(429, clients.refusal(node, "stream=public", Map.of("Authorization", "Bearer " + second)));

        node.execute("UPDATE oauth_token SET revoked = now() WHERE id = (SELECT max(id) FROM oauth_token)");
        TestNode.await("both streams of the revoked token end", Duration.ofSeconds(10), () -> one.closed && two.closed);
    }

    /**
     * The uri of the next event about one of {@code uris}: an earlier test's post may still be on its way to the
     * public streams (the streaming consumer runs off the request path) and arrive first.
     */
    private static String nextOf(Sse stream, List<String> uris) {
        for (Event e = stream.next(SECOND.multipliedBy(3)); e != null; e = stream.next(SECOND.multipliedBy(3))) {
            String uri = e.json().path("uri").asText();
            if (uris.contains(uri)) return uri;
        }
        throw new AssertionError("none of " + uris + " arrived");
    }

    /** Subscribes to public and posts probes until one arrives there, then forgets what the probes brought. */
    private static void awaitPublicSubscription(Socket ws) {
        ws.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
        for (int attempt = 0; attempt < 20; attempt++) {
            URI probe = node.node().services().notes.publish(node.actor("musterstadt"), "<p>Probe " + attempt + "</p>");
            for (Event e = ws.next(SECOND); e != null; e = ws.next(SECOND)) {
                if ("public".equals(e.stream().get(0).asText()) && probe.toString().equals(e.json().path("uri").asText())) {
                    while (ws.next(QUIET) != null) { } // the probes' user events
                    return;
                }
            }
        }
        throw new AssertionError("the public subscription was not taken up");
    }

    private static StreamHub hub() {
        return node.node().services().streamHub;
    }
}
