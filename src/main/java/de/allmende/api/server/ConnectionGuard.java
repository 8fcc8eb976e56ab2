package de.allmende.api.server;

import de.allmende.config.HttpLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps strangers' connections from using up what others need: at most {@link HttpLimits#maxConnectionsPerAddress()}
 * open connections per client address and {@link HttpLimits#maxConnections()} in all (more are closed at once, before
 * a byte is read); a connection that has not sent a complete request head within the header timeout after it
 * opened (slow-header attacks, connections opened and left) or whose request is not
 * answered within the request timeout (slow bodies) is closed. One instance serves all HTTP verticle instances;
 * a sweep once a second does the timing, so no timer is created per connection. Between the requests of a kept-alive
 * connection the request timeout bounds a dripped head, and the server's idle timeout ends silent connections.
 */
public final class ConnectionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private static final String STREAMING = de.allmende.route.Route.STREAMING.path();
    private final HttpLimits limits;
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private long sweeper = -1;

    /** One connection's timing; written by its event-loop, read by the sweep. */
    private static final class Tracked {
        final long opened = System.nanoTime();
        volatile HttpServerRequest current;
        volatile long requestStarted;
        /** When the sweep first saw the last response ended; 0 while a request is in progress or none came yet. */
        volatile long idleSince;
    }

    public ConnectionGuard(HttpLimits limits) {
        this.limits = limits;
    }

    public HttpLimits limits() {
        return limits;
    }

    public synchronized void start(Vertx vertx) {
        if (sweeper < 0) sweeper = vertx.setPeriodic(1000, id -> sweep());
    }

    public synchronized void stop(Vertx vertx) {
        if (sweeper >= 0) vertx.cancelTimer(sweeper);
        sweeper = -1;
    }

    /** Server connection handler: counts the connection in, or closes it when its address or the node is full. */
    public void onConnection(HttpConnection conn) {
        String address = conn.remoteAddress() == null ? "?" : conn.remoteAddress().hostAddress();
        AtomicInteger mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int fromAddress = mine.incrementAndGet();
        int all = total.incrementAndGet();
        conn.closeHandler(v -> {
            open.remove(conn);
            total.decrementAndGet();
            if (mine.decrementAndGet() == 0) perAddress.remove(address, mine);
        });
        if (fromAddress > limits.maxConnectionsPerAddress() || all > limits.maxConnections()) {
            LOG.debug("closing connection from {}: {} open from it, {} in all", address, fromAddress, all);
            conn.close();
            return;
        }
        open.put(conn, new Tracked());
    }

    /** Called for every request before routing: the connection has delivered a complete request head. */
    public void onRequest(HttpServerRequest request) {
        Tracked t = open.get(request.connection());
        if (t == null) return;
        t.requestStarted = System.nanoTime();
        t.idleSince = 0;
        t.current = request;
    }

    /**
     * A streaming request (server-sent events, a WebSocket) stays open by design: the request timeout does not end
     * it; heartbeats keep it within the idle timeout, and the streaming limits bound how many one client holds.
     */
    private static boolean streaming(HttpServerRequest request) {
        return request.path() != null && request.path().startsWith(STREAMING);
    }

    public int openConnections() {
        return total.get();
    }

    private void sweep() {
        long now = System.nanoTime();
        long header = limits.headerTimeout().toNanos();
        long request = limits.requestTimeout().toNanos();
        open.forEach((conn, t) -> {
            HttpServerRequest current = t.current;
            boolean close;
            if (current == null) {
                close = now - t.opened > header;
            } else if (!current.response().ended()) {
                close = now - t.requestStarted > request && !streaming(current);
            } else if (t.idleSince == 0) {
                t.idleSince = now;
                close = false;
            } else {
                // Between requests of a kept-alive connection: silent ones end at the idle timeout; this catches a
                // next request head dripped byte by byte. Longer than clients keep idle connections (JDK 30 s),
                // so a close rarely races a request the client is just sending.
                close = now - t.idleSince > request;
            }
            if (close) {
                open.remove(conn);
                conn.close();
            }
        });
    }
}
