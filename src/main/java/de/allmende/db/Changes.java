package de.allmende.db;

import org.jooq.Configuration;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells every process on the database what a committed transaction changed that public documents
 * show, so caches of rendered documents can drop exactly those. A change is a <em>topic</em>: the IRI
 * of a local actor or object, or {@link #ACTORS} for anything about local actors as a whole (a new
 * one, new keys).
 *
 * <p>Stores announce topics inside the transaction that writes ({@link #announce}). At commit the
 * topics go out with PostgreSQL's {@code NOTIFY} on {@link #CHANNEL} in the same transaction (sent only
 * if it commits, to every listening process, in commit order), and — after the commit returned — to
 * this process's subscribers directly, so a reader in the writing process never sees the old document
 * once the write has returned. Other processes hear it through their {@link Notifications} subscription.
 * Topics about other servers' actors and objects are dropped: nothing here renders them, and the
 * inbox, which writes them all the time, should not pay a statement for it.
 */
public final class Changes {
    public static final String CHANNEL = "allmende_documents";
    /** Any local actor's profile or keys, or which local actors exist. */
    public static final String ACTORS = "actors";
    /** NOTIFY payloads must stay below 8000 bytes; a longer topic (a very long IRI) stands for everything. */
    static final String EVERYTHING = "*";
    private static final int MAX_TOPIC_BYTES = 4000;

    /** Someone keeping rendered documents: drops those a change concerns, or all when it lost track. */
    public interface Subscriber {
        void changed(Collection<String> topics);

        /** Changes may have been missed (the listener was away), or this process stopped tracking them. */
        void lostTrack();
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile String localPrefix = "";
    private volatile boolean tracking;

    /** Only topics under this IRI prefix (the node's public URL) are announced; others cannot be cached here. */
    public void onlyAbout(String publicUrl) {
        this.localPrefix = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    }

    public void subscribe(Subscriber s) {
        subscribers.add(s);
    }

    /**
     * True while a {@link Notifications} subscription hears every other process's changes. Documents may be kept only
     * then: without it this process could not know when they go stale.
     */
    public boolean tracking() {
        return tracking;
    }

    /**
     * Announces that the transaction {@code tx} changes what {@code topic} shows. Outside a transaction
     * the notification goes out at once.
     */
    public static void announce(DSLContext tx, String topic) {
        Configuration cfg = tx.configuration();
        if (!(cfg.transactionProvider() instanceof LeanTransactionProvider provider)) return; // not the node's database
        Changes changes = provider.changes();
        if (!changes.concernsUs(topic)) return;
        String t = topic.length() > MAX_TOPIC_BYTES / 4 ? EVERYTHING : topic;
        if (cfg.connectionProvider() instanceof LeanTransactionProvider.Tx open) {
            open.topics().add(t);
        } else {
            tx.connectionResult(c -> {
                notify(c, Set.of(t));
                return null;
            });
            changes.heard(Set.of(t));
        }
    }

    private boolean concernsUs(String topic) {
        return !topic.startsWith("http") || topic.startsWith(localPrefix);
    }

    /** Inside the transaction, just before its commit. */
    static void notify(Connection c, Set<String> topics) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', t) FROM unnest(?::text[]) AS t")) {
            st.setArray(1, c.createArrayOf("text", topics.toArray()));
            st.execute();
        }
    }

    /** Topics from a notification, or from a commit in this process once it returned. */
    void heard(Collection<String> topics) {
        if (topics.contains(EVERYTHING)) {
            for (Subscriber s : subscribers) s.lostTrack();
            return;
        }
        for (Subscriber s : subscribers) s.changed(topics);
    }

    /** The listener started (true) or stopped (false) hearing every change; either way, what is kept may be stale. */
    void tracking(boolean on) {
        tracking = on;
        for (Subscriber s : subscribers) s.lostTrack();
    }
}
