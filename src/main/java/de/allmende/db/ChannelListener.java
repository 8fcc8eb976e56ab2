package de.allmende.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Hears one PostgreSQL {@code NOTIFY} channel on a connection of its own — opened beside the pool, never taken
 * from it, so a process listening for hours holds no pooled connection — and hands the payloads to its
 * {@link Receiver}. While it is not sure to hear everything the receiver is told so: when the connection breaks
 * (a read fails, or a heartbeat after {@link #HEARTBEAT_MILLIS} of silence gets no answer within
 * {@link #VALID_SECONDS}), and again once it listens anew, since notifications sent in between are gone. It
 * reconnects every {@link #RETRY_MILLIS} until closed.
 */
public final class ChannelListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    /** Silence after which the connection is checked; with the check's timeout, the bound on an unnoticed loss. */
    static final int HEARTBEAT_MILLIS = 1000;
    static final int VALID_SECONDS = 2;
    private static final long RETRY_MILLIS = 1000;

    /** Who gets what the channel carries. */
    public interface Receiver {
        /** Payloads in the order PostgreSQL delivered them (commit order). */
        void heard(List<String> payloads);

        /** True once listening (anew): what was sent while away is lost; false when the connection broke. */
        void listening(boolean on);
    }

    private final String url;
    private final String channel;
    private final String user;
    private final String password;
    private final String applicationName;
    private final Receiver receiver;
    private final Thread thread;
    private volatile boolean closed;

    private ChannelListener(String url, String user, String password, String channel, String applicationName, Receiver receiver) {
        this.url = url;
        this.channel = channel;
        this.receiver = receiver;
        this.user = user;
        this.password = password;
        this.applicationName = applicationName;
        this.thread = Thread.ofVirtual().name("listener-" + channel).unstarted(this::run);
    }

    /**
     * Starts listening on {@code channel} (a fixed SQL identifier, never input) as {@code applicationName}.
     */
    static ChannelListener start(String url, String user, String password, String channel, String applicationName, Receiver receiver) {
        ChannelListener l = new ChannelListener(url, user, password, channel, applicationName, receiver);
        l.thread.start();
        return l;
    }

    private void run() {
        while (!closed) {
            try (Connection c = BesideThePool.open(url, user, password, applicationName)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                receiver.listening(true);
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                LOG.warn("lost the notifications on {} ({}); listening again in {} ms", channel, e.getMessage(), RETRY_MILLIS);
            } finally {
                receiver.listening(false);
            }
            sleep();
        }
    }

    private void listen(PGConnection pg, Connection c) throws SQLException {
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(HEARTBEAT_MILLIS);
            if (batch != null && batch.length > 0) {
                List<String> payloads = new ArrayList<>(batch.length);
                for (PGNotification n : batch) payloads.add(n.getParameter());
                receiver.heard(payloads);
            } else if (!c.isValid(VALID_SECONDS)) {
                throw new SQLException("no answer to the heartbeat");
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // a virtual thread blocked reading its socket is woken by closing it
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
