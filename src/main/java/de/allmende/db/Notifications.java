package de.allmende.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hears PostgreSQL {@code NOTIFY} channels for the whole process on one connection — opened beside the pool, never
 * taken from it — and hands each channel's payloads to its {@link Receiver}s: the queue loops, the change listener,
 * the streaming hub. One connection, not one per channel: a session costs PostgreSQL a process, and a node listened
 * on eight (BENCHMARKS.md "The whole suite", 2026-12-06).
 * <p>
 * While it is not sure to hear everything the receivers are told so: when the connection breaks (a read fails, or a
 * heartbeat after {@link #HEARTBEAT_MILLIS} of silence gets no answer within {@link #VALID_SECONDS}), and again once
 * it listens anew, since notifications sent in between are gone. It reconnects every {@link #RETRY_MILLIS} until
 * closed. A channel subscribed while the connection is open is listened to within a round trip: the subscriber wakes
 * the blocked read with a notification on a channel of this process's own.
 */
public final class Notifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    /** Silence after which the connection is checked; with the check's timeout, the bound on an unnoticed loss. */
    static final int HEARTBEAT_MILLIS = 1000;
    static final int VALID_SECONDS = 2;
    private static final long RETRY_MILLIS = 1000;
    /** How operators and tests find the connection in pg_stat_activity. */
    public static final String APPLICATION_NAME = "allmende-listener";

    /** Who gets what a channel carries. */
    public interface Receiver {
        /** Payloads in the order PostgreSQL delivered them (commit order). */
        void heard(List<String> payloads);

        /** True once listening (anew): what was sent while away is lost; false when the connection broke. */
        void listening(boolean on);
    }

    /** A receiver's place on a channel; closing it stops the deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final String url;
    private final String user;
    private final String password;
    private final DataSource pool;
    /** This process's own channel, on which a subscriber wakes the listening thread. */
    private final String wakeChannel = "allmende_listen_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final Map<String, List<Receiver>> receivers = new ConcurrentHashMap<>();
    /** The channels LISTENed to on the open connection; only the listening thread touches it. */
    private final Set<String> listened = new HashSet<>();
    private Thread thread;
    private volatile boolean connected;
    private volatile boolean closed;

    /** @param pool where a subscriber sends the wake-up (the connection itself is opened beside it) */
    Notifications(String url, String user, String password, DataSource pool) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool;
    }

    /**
     * Delivers {@code channel}'s payloads to {@code receiver} from now on; tells it {@code listening(true)} once the
     * channel is listened to. {@code channel} is a fixed SQL identifier of the code, never input.
     */
    public Subscription subscribe(String channel, Receiver receiver) {
        receivers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(receiver);
        synchronized (this) {
            if (closed) return () -> {};
            if (thread == null) thread = Thread.ofVirtual().name("listener").start(this::run);
        }
        if (connected) wake();
        return () -> receivers.getOrDefault(channel, List.of()).remove(receiver);
    }

    private void wake() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + wakeChannel);
        } catch (SQLException e) {
            LOG.debug("could not wake the listener ({}); it listens at its next heartbeat", e.getMessage());
        }
    }

    private void run() {
        while (!closed) {
            try (Connection c = openBesideThePool()) {
                listen(c, wakeChannel);
                connected = true;
                hear(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                LOG.warn("lost the notifications on {} ({}); listening again in {} ms", listened, e.getMessage(), RETRY_MILLIS);
            } finally {
                connected = false;
                for (String channel : listened) tell(channel, r -> r.listening(false));
                listened.clear();
            }
            pause();
        }
    }

    private void hear(PGConnection pg, Connection c) throws SQLException {
        while (!closed) {
            listenToNewChannels(c);
            PGNotification[] batch = pg.getNotifications(HEARTBEAT_MILLIS);
            if (batch != null && batch.length > 0) {
                Map<String, List<String>> byChannel = new LinkedHashMap<>();
                for (PGNotification n : batch) {
                    if (!n.getName().equals(wakeChannel)) byChannel.computeIfAbsent(n.getName(), k -> new ArrayList<>()).add(n.getParameter());
                }
                byChannel.forEach((channel, payloads) -> tell(channel, r -> r.heard(payloads)));
            } else if (!c.isValid(VALID_SECONDS)) {
                throw new SQLException("no answer to the heartbeat");
            }
        }
    }

    private void listenToNewChannels(Connection c) throws SQLException {
        for (String channel : receivers.keySet()) {
            if (listened.contains(channel)) continue;
            listen(c, channel);
            listened.add(channel);
            tell(channel, r -> r.listening(true));
        }
    }

    /**
     * A connection of its own: a pooled one would take a place from the requests for good, and ending its blocked read
     * at close would leave the pool a broken connection to warn about.
     */
    private Connection openBesideThePool() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(url, properties);
    }

    private static void listen(Connection c, String channel) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + channel);
        }
    }

    /** One receiver's failure is its own: the others still hear, and the connection stays. */
    private void tell(String channel, java.util.function.Consumer<Receiver> message) {
        for (Receiver r : receivers.getOrDefault(channel, List.of())) {
            try {
                message.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("a receiver on {} failed: {}", channel, e.toString());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t == null) return;
        t.interrupt(); // a virtual thread blocked reading its socket is woken by closing it
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
