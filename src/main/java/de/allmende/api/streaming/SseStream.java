package de.allmende.api.streaming;

import de.allmende.domain.client.Viewer;
import de.allmende.service.stream.StreamHub;
import de.allmende.service.stream.StreamName;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;

/** One stream as server-sent events: {@code event: update} and {@code data: {...}}, a {@code :thump} to keep alive. */
final class SseStream extends OpenStream {
    private final HttpServerResponse response;

    SseStream(Viewer viewer, long tokenId, String token, String address, StreamHub hub, HttpServerResponse response, StreamName stream) {
        super(viewer, tokenId, token, address, hub);
        this.response = response;
        streams.add(stream);
    }

    @Override
    public void send(StreamName stream, String event, String payload) {
        if (roomFor()) response.write("event: " + event + "\ndata: " + payload + "\n\n");
    }

    @Override
    public void heartbeat() {
        if (roomFor()) response.write(":thump\n");
    }

    @Override
    protected WriteStream<?> out() {
        return response;
    }

    @Override
    protected void end(String why) {
        response.reset(); // the connection goes: a slow or revoked client gets no more
    }
}
