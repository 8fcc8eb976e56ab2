package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streaming clients over loopback, as apps connect: a WebSocket (Vert.x's client) and server-sent events (the
 * JDK's client, read line by line). Both collect what arrives, for a test to wait on.
 */
public final class StreamingClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One event as the test reads it: its stream (WebSocket only), event name and payload string. */
    public record Event(JsonNode stream, String event, String payload) {
        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new AssertionError("payload is no JSON: " + payload, e);
            }
        }
    }

    /** An open WebSocket and what it received. */
    public static final class Socket {
        public final WebSocket ws;
        public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        public final BlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();
        public volatile boolean closed;

        Socket(WebSocket ws) {
            this.ws = ws;
            ws.textMessageHandler(text -> {
                JsonNode m = parse(text);
                if (m.has("error")) errors.add(m);
                else events.add(new Event(m.path("stream"), m.path("event").asText(), m.path("payload").asText()));
            });
            ws.closeHandler(v -> closed = true);
        }

        public void send(String json) {
            await(ws.writeTextMessage(json).toCompletionStage().toCompletableFuture());
        }

        public Event next(Duration within) {
            return poll(events, within);
        }
    }

    /** An open server-sent event stream and what it received. */
    public static final class Sse {
        public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        public volatile boolean closed;
        private final InputStream body;

        Sse(InputStream body) {
            this.body = body;
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8))) {
                String event = null, line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event: ")) event = line.substring(7);
                    else if (line.startsWith("data: ") && event != null) {
                        events.add(new Event(null, event, line.substring(6)));
                        event = null;
                    }
                }
            } catch (IOException e) {
                // closed
            } finally {
                closed = true;
            }
        }

        public Event next(Duration within) {
            return poll(events, within);
        }

        public void close() throws IOException {
            body.close();
        }
    }

    /** Opens a WebSocket at {@code /api/v1/streaming?query} with these headers; fails with the refusal's status. */
    public Socket socket(TestNode node, String query, Map<String, String> headers) {
        return socket(node, query, headers, null);
    }

    public Socket socket(TestNode node, String query, Map<String, String> headers, String subProtocol) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.node().port())
                .setURI("/api/v1/streaming" + (query.isEmpty() ? "" : "?" + query));
        headers.forEach(o::addHeader);
        if (subProtocol != null) o.addSubProtocol(subProtocol);
        return new Socket(await(vertx.createWebSocketClient().connect(o).toCompletionStage().toCompletableFuture()));
    }

    /** The status a refused WebSocket handshake got. */
    public int refusal(TestNode node, String query, Map<String, String> headers) {
        try {
            socket(node, query, headers);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UpgradeRejectedException r) return r.getStatus();
            }
            throw e;
        }
        throw new AssertionError("the handshake was accepted");
    }

    /** A GET of a server-sent event path with a bearer token: the stream, or the status of a refusal. */
    public HttpResponse<InputStream> events(TestNode node, String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Sse sse(TestNode node, String pathAndQuery, String token) {
        HttpResponse<InputStream> r = events(node, pathAndQuery, token);
        if (r.statusCode() != 200) throw new AssertionError(pathAndQuery + " answered " + r.statusCode());
        return new Sse(r.body());
    }

    private static <T> T poll(BlockingQueue<T> q, Duration within) {
        try {
            return q.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
