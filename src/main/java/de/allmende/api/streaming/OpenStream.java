package de.allmende.api.streaming;

import de.allmende.domain.client.Viewer;
import de.allmende.service.stream.StreamClient;
import de.allmende.service.stream.StreamHub;
import de.allmende.service.stream.StreamName;
import io.vertx.core.streams.WriteStream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a server-sent event stream and a WebSocket share: whose they are, what they listen to, and the bound on
 * what waits to be written. Writes come from the hub's thread; Vert.x hands them to the connection's event loop.
 * Before each write the queue is checked: a client that lets {@code queueBytes} pile up is too slow and is closed,
 * so a stalled reader costs at most its bound, never more.
 */
abstract class OpenStream implements StreamClient {
    private final Viewer viewer;
    private final long tokenId;
    private final String token;
    private final String address;
    private final StreamHub hub;
    protected final Set<StreamName> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    OpenStream(Viewer viewer, long tokenId, String token, String address, StreamHub hub) {
        this.viewer = viewer;
        this.tokenId = tokenId;
        this.token = token;
        this.address = address;
        this.hub = hub;
    }

    @Override public Viewer viewer() { return viewer; }
    @Override public long tokenId() { return tokenId; }
    @Override public String token() { return token; }
    @Override public String address() { return address; }
    @Override public Set<StreamName> streams() { return streams; }

    /** The connection's outbound side, whose queue is bounded. */
    protected abstract WriteStream<?> out();

    /** Ends the connection itself. */
    protected abstract void end(String why);

    /** True if the text may be written; false (and the stream closed) when the client does not keep up. */
    protected boolean roomFor() {
        if (closed) return false;
        if (out().writeQueueFull()) {
            close("too slow: more than " + hub.limits().queueBytes() + " bytes waiting");
            return false;
        }
        return true;
    }

    @Override
    public final void close(String why) {
        if (closed) return;
        closed = true;
        hub.remove(this);
        end(why);
    }

    /** Called when the connection is gone, however it ended. */
    final void closed() {
        closed = true;
        hub.remove(this);
    }
}
