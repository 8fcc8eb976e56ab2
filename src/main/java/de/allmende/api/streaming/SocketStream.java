package de.allmende.api.streaming;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.client.Viewer;
import de.allmende.domain.oauth.OAuthScopes;
import de.allmende.service.stream.StreamHub;
import de.allmende.service.stream.StreamName;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;

import java.util.List;
import java.util.Optional;

/**
 * A WebSocket as Mastodon's streaming server speaks it: streams named in {@code ?stream=} or subscribed and
 * unsubscribed with {@code {"type":"subscribe","stream":"hashtag","tag":"foo"}}; events go out as
 * {@code {"stream":["hashtag","foo"],"event":"update","payload":"{...}"}} with the payload a JSON string.
 */
final class SocketStream extends OpenStream {
    /** Streams one socket may listen to at once; each costs a little on every message. */
    static final int MAX_STREAMS = 32;
    private static final int MAX_MESSAGE = 4096;

    private final ServerWebSocket socket;
    private final OAuthScopes scopes;

    SocketStream(Viewer viewer, long tokenId, String token, String address, StreamHub hub, ServerWebSocket socket, OAuthScopes scopes) {
        super(viewer, tokenId, token, address, hub);
        this.socket = socket;
        this.scopes = scopes;
    }

    /** Subscribes to a stream the token may read; else the refusal Mastodon sends over the socket. */
    Optional<String> subscribe(StreamName stream) {
        if (!scopes.allowsAny(List.of("read", stream.kind().scope()))) return Optional.of("Access token does not have the required scopes");
        if (!streams.contains(stream) && streams.size() >= MAX_STREAMS) return Optional.of("Too many subscriptions on this connection");
        streams.add(stream);
        return Optional.empty();
    }

    /** A message from the client: subscribe or unsubscribe; anything else gets an error message back. */
    void received(String text) {
        JsonObject m;
        try {
            m = text.length() > MAX_MESSAGE ? null : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) { // not JSON, or not an object
            m = null;
        }
        if (m == null) {
            error("Invalid JSON", 400);
            return;
        }
        String type = text(m, "type");
        Optional<StreamName> stream = StreamName.parse(text(m, "stream"), text(m, "tag"), text(m, "list"));
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            error("Unknown message type", 400);
        } else if (stream.isEmpty()) {
            error("Unknown stream type", 400);
        } else if (type.equals("unsubscribe")) {
            streams.remove(stream.get());
        } else {
            subscribe(stream.get()).ifPresent(why -> error(why, 401));
        }
    }

    /** A field as text: strings as they are, numbers (a list id) written out, anything else absent. */
    private static String text(JsonObject m, String field) {
        Object v = m.getValue(field);
        return v instanceof String || v instanceof Number ? v.toString() : null;
    }

    private void error(String message, int status) {
        if (roomFor()) socket.writeTextMessage(JsonNodeFactory.instance.objectNode().put("error", message).put("status", status).toString());
    }

    @Override
    public void send(StreamName stream, String event, String payload) {
        if (!roomFor()) return;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        stream.wire().forEach(o.putArray("stream")::add);
        o.put("event", event).put("payload", payload);
        socket.writeTextMessage(o.toString());
    }

    @Override
    public void heartbeat() {
        if (roomFor()) socket.writePing(Buffer.buffer());
    }

    @Override
    protected WriteStream<?> out() {
        return socket;
    }

    @Override
    protected void end(String why) {
        socket.close((short) 1008, why.length() > 120 ? why.substring(0, 120) : why);
    }
}
