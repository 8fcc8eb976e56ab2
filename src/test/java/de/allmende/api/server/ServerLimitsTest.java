package de.allmende.api.server;

import de.allmende.config.ConfigLoader;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, findings 4 and 5: idle and slow connections, too many connections from one address, and bodies
 * pushed after a refusal cannot use up what other clients need. Attackers connect from 127.0.0.2, so the
 * well-behaved client on 127.0.0.1 is another address.
 */
@DisplayName("HTTP server: connection limits, header timeout, no draining after a refusal")
class ServerLimitsTest {
    private static final int PER_ADDRESS = 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static TestNode node;

    @BeforeAll
    static void start() {
        int port = freePort();
        node = TestNode.start("http://127.0.0.1:" + port, port, Map.of(
                ConfigLoader.HTTP_HEADER_TIMEOUT_SECONDS, "1",
                ConfigLoader.HTTP_MAX_CONNECTIONS_PER_ADDRESS, String.valueOf(PER_ADDRESS)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    @DisplayName("one address holding many idle connections gets only its share; others are still served")
    void connectionsPerAddress() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS * 3; i++) attackers.add(connectFrom("127.0.0.2"));
            Thread.sleep(300);
            int open = 0;
            for (Socket s : attackers) if (!closedByPeer(s, 200)) open++;
            assertTrue(open <= PER_ADDRESS, open + " connections of one address stayed open");
            assertEquals(200, live().statusCode());
        } finally {
            for (Socket s : attackers) s.close();
        }
    }

    @Test
    @DisplayName("a request head dripped byte by byte is cut off at the header timeout")
    void slowHeaders() throws Exception {
        try (Socket s = connectFrom("127.0.0.2")) {
            OutputStream out = s.getOutputStream();
            byte[] head = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean cut = false;
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    out.write(head[i % head.length]);
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                cut = closedByPeer(s, 200);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(cut, "connection still open after 8 s of dripping headers");
            assertTrue(seconds <= 4, "cut off only after " + seconds + " s");
        }
    }

    @Test
    @DisplayName("an idle connection that never sends a request is closed at the header timeout")
    void idleWithoutRequest() throws Exception {
        try (Socket s = connectFrom("127.0.0.2")) {
            assertTrue(closedByPeer(s, 4000), "an idle connection was kept for 4 s");
        }
    }

    @Test
    @DisplayName("after 413 on the inbox the node closes the connection instead of reading on")
    void noDrainAfter413() throws Exception {
        long pushed = pushAfterRefusal("POST /inbox HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/activity+json\r\n"
                + "Content-Length: 104857600\r\n\r\n", "413");
        assertTrue(pushed < 16 * 1024 * 1024, "the node read " + pushed + " bytes after refusing");
    }

    @Test
    @DisplayName("after 401 on a media upload the node closes the connection instead of reading on")
    void noDrainAfter401() throws Exception {
        long pushed = pushAfterRefusal("POST /api/allmende/v1/media HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 104857600\r\n\r\n", "401");
        assertTrue(pushed < 16 * 1024 * 1024, "the node read " + pushed + " bytes after refusing");
    }

    @Test
    @DisplayName("a client posting a body a little over the limit reads the 413 every time (the node lingers before it closes)")
    void slightlyOversizedBodyThroughJdkClient() throws Exception {
        String body = "x".repeat(3 * 1024 * 1024);
        for (int i = 0; i < 40; i++) { // under load one in a few hundred lost its answer to a reset before the fix
            HttpResponse<String> r = de.allmende.testkit.TestNode.send(java.net.http.HttpRequest.newBuilder(URI.create(node.url() + "/inbox"))
                    .header("Content-Type", "application/activity+json").timeout(Duration.ofSeconds(10))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(413, r.statusCode(), "attempt " + i);
        }
    }

    /** Sends the head, then body bytes until the node stops taking them; returns how many it took. */
    private static long pushAfterRefusal(String head, String expectedStatus) throws Exception {
        try (Socket s = connectFrom("127.0.0.1")) {
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            long pushed = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            StringBuilder answer = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (answer) { answer.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1)); }
                    }
                } catch (IOException e) {
                    // reset by the node: fine
                }
            });
            try {
                while (System.nanoTime() < deadline) {
                    s.getOutputStream().write(chunk);
                    pushed += chunk.length;
                }
            } catch (IOException e) {
                // the node closed the connection: what we wanted
            }
            reader.join(2000);
            synchronized (answer) {
                assertTrue(answer.toString().startsWith("HTTP/1.1 " + expectedStatus), "answer: " + answer);
                assertTrue(answer.toString().toLowerCase().contains("connection: close"), "answer: " + answer);
            }
            assertTrue(System.nanoTime() < deadline, "the node kept reading for 10 s");
            return pushed;
        }
    }

    private static Socket connectFrom(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress("127.0.0.1", URI.create(node.url()).getPort()), 2000);
        return s;
    }

    /** True if the node closed the connection within {@code millis}. */
    private static boolean closedByPeer(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static HttpResponse<String> live() throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(node.url() + "/health/live")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
