package de.allmende.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Hears {@link Changes#CHANNEL} on a PostgreSQL connection of its own and hands the topics to this
 * process's {@link Changes}. While it is not sure to hear everything, {@link Changes#tracking()} is
 * false and subscribers are told they lost track: when the connection breaks (a read fails, or a
 * heartbeat after {@link #HEARTBEAT_MILLIS} of silence gets no answer within {@link #VALID_SECONDS}),
 * and again once it listens anew, since notifications sent in between are gone.
 */
final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    /** Silence after which the connection is checked; with the check's timeout, the bound on an unnoticed loss. */
    static final int HEARTBEAT_MILLIS = 1000;
    static final int VALID_SECONDS = 2;
    private static final long RETRY_MILLIS = 1000;
    static final String APPLICATION_NAME = "allmende-change-listener";

    private final String url;
    private final Properties credentials = new Properties();
    private final Changes changes;
    private final Thread thread;
    private volatile boolean closed;

    private ChangeListener(String url, String user, String password, Changes changes) {
        this.url = url;
        this.changes = changes;
        credentials.setProperty("user", user);
        credentials.setProperty("ApplicationName", APPLICATION_NAME); // how operators (and tests) find it in pg_stat_activity
        if (password != null) credentials.setProperty("password", password);
        this.thread = Thread.ofVirtual().name("change-listener").unstarted(this::run);
    }

    static ChangeListener start(String url, String user, String password, Changes changes) {
        ChangeListener l = new ChangeListener(url, user, password, changes);
        l.thread.start();
        return l;
    }

    private void run() {
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + Changes.CHANNEL);
                }
                changes.tracking(true);
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (closed) break;
                LOG.warn("lost the change notifications ({}); cached documents are dropped and not kept until they are back",
                        e.getMessage());
            } finally {
                changes.tracking(false);
            }
            sleep();
        }
    }

    private void listen(PGConnection pg, Connection c) throws SQLException {
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(HEARTBEAT_MILLIS);
            if (batch != null && batch.length > 0) {
                List<String> topics = new ArrayList<>(batch.length);
                for (PGNotification n : batch) topics.add(n.getParameter());
                changes.heard(topics);
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
