package de.allmende.service.stream;

import de.allmende.db.Notifications;
import de.allmende.db.Database;
import de.allmende.support.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * This process's open streams. It hears {@link Streams#CHANNEL} on a connection of its own and hands each
 * message, in order, to one dispatching virtual thread ({@link StreamDispatch}); a second one sends heartbeats
 * and checks the tokens of open streams again, closing those of revoked tokens. Nothing here grows with a slow
 * client: messages wait in a bounded queue (dropped, with a warning, when the database outpaces this process)
 * and each client bounds its own outbound bytes.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final int BACKLOG = 10_000;
    private static final java.time.Duration RETRY = java.time.Duration.ofSeconds(30);

    private final Database db;
    private final Predicate<String> tokenValid;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    /** Released when a stream opens: the keeper waits on it while none is open. */
    private final java.util.concurrent.Semaphore opened = new java.util.concurrent.Semaphore(0);
    private final BlockingQueue<StreamMessage> inbound = new ArrayBlockingQueue<>(BACKLOG);
    private volatile StreamLimits limits = StreamLimits.DEFAULTS;
    private volatile StreamRenderer.Notifications notifications = StreamRenderer.Notifications.NONE;
    private StreamDispatch dispatch;
    private volatile boolean closed;
    private Thread dispatcher;
    private Thread keeper;

    /** @param tokenValid whether a token still authenticates (not revoked, its person not disabled) */
    public StreamHub(Database db, Predicate<String> tokenValid) {
        this.db = db;
        this.tokenValid = tokenValid;
    }

    /** Starts listening and dispatching, rendering statuses with {@code renderer}; once (later calls do nothing). */
    public synchronized void start(StreamRenderer renderer) {
        if (dispatcher != null || closed) return;
        dispatch = new StreamDispatch(db, renderer, () -> notifications);
        db.listen(Streams.CHANNEL, new Notifications.Receiver() {
            @Override
            public void heard(List<String> payloads) {
                for (String p : payloads) StreamMessage.decode(p).ifPresent(StreamHub.this::enqueue);
            }

            @Override
            public void listening(boolean on) {
                if (on) LOG.debug("listening for stream messages");
            }
        });
        dispatcher = Thread.ofVirtual().name("stream-dispatch").start(this::dispatchLoop);
        keeper = Thread.ofVirtual().name("stream-keeper").start(this::keepLoop);
    }

    /** How notification events are rendered (the notifications feature plugs its Notification JSON in here). */
    public void renderNotificationsWith(StreamRenderer.Notifications renderer) {
        this.notifications = renderer;
    }

    public StreamRenderer.Notifications notificationRenderer() {
        return notifications;
    }

    public void limits(StreamLimits limits) {
        this.limits = limits;
    }

    public StreamLimits limits() {
        return limits;
    }

    /** Refuses with 429 when the token or the address already holds as many streams as it may. */
    public void admit(long tokenId, String address) {
        StreamLimits l = limits;
        long byToken = 0, byAddress = 0;
        for (StreamClient c : clients) {
            if (c.tokenId() == tokenId) byToken++;
            if (c.address().equals(address)) byAddress++;
        }
        if (byToken >= l.perToken()) throw ApiException.tooManyRequests("Too many open streams for this access token", RETRY);
        if (byAddress >= l.perAddress()) throw ApiException.tooManyRequests("Too many open streams from this address", RETRY);
    }

    /** Adds an open stream; checked against the limits once more, as two may have been admitted at once. */
    public synchronized void register(StreamClient client) {
        admit(client.tokenId(), client.address());
        clients.add(client);
        if (opened.availablePermits() == 0) opened.release();
    }

    public void remove(StreamClient client) {
        clients.remove(client);
    }

    public int open() {
        return clients.size();
    }

    private void enqueue(StreamMessage m) {
        if (clients.isEmpty()) return; // nobody here to tell
        if (!inbound.offer(m)) LOG.warn("stream backlog full ({} messages): dropped {}", BACKLOG, m);
    }

    private void dispatchLoop() {
        while (!closed) {
            try {
                StreamMessage m = inbound.take();
                dispatch.dispatch(m, clients);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not dispatch a stream message", e);
            }
        }
    }

    /** Heartbeats when due, and the tokens of open streams checked again when due; with no stream open, it waits for one. */
    private void keepLoop() {
        long lastBeat = System.nanoTime(), lastCheck = System.nanoTime();
        while (!closed) {
            try {
                if (clients.isEmpty()) {
                    opened.drainPermits();
                    if (clients.isEmpty()) opened.acquire();
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            StreamLimits l = limits;
            try {
                if (now - lastBeat >= l.heartbeat().toNanos()) {
                    lastBeat = now;
                    clients.forEach(StreamClient::heartbeat);
                }
                if (now - lastCheck >= l.recheck().toNanos()) {
                    lastCheck = now;
                    recheckTokens();
                }
            } catch (RuntimeException e) {
                LOG.warn("stream upkeep failed", e);
            }
        }
    }

    private void recheckTokens() {
        Map<String, List<StreamClient>> byToken = clients.stream().collect(Collectors.groupingBy(StreamClient::token));
        byToken.forEach((token, open) -> {
            if (!tokenValid.test(token)) open.forEach(c -> c.close("The access token is invalid"));
        });
    }

    @Override
    public void close() {
        closed = true;
        if (dispatcher != null) dispatcher.interrupt();
        if (keeper != null) keeper.interrupt();
        clients.forEach(c -> c.close("The server is going down"));
    }
}
