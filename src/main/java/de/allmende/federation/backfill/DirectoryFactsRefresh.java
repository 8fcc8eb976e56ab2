package de.allmende.federation.backfill;

import de.allmende.db.Database;
import de.allmende.federation.iri.Iris;
import de.allmende.service.ActorService;
import de.allmende.store.RemoteNodeFactsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what a coordinator's directory shows about other nodes current after subscribing: once a day each subscribed
 * municipality's actor document (name, Land, population …), its follower count and its node's software are read again,
 * as Mastodon refreshes a remote account it shows. One round an hour, at most {@link #PER_ROUND} municipalities, one
 * request at a time (polite to every host), the longest unread first; a municipality that hides its followers or did
 * not answer is asked again after a day, not every round. Several node processes on one database: a round runs in one
 * process at a time (a session advisory lock), the others skip it.
 */
public final class DirectoryFactsRefresh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFactsRefresh.class);
    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Duration ROUND = Duration.ofHours(1);
    private static final Duration FIRST_ROUND = Duration.ofMinutes(5);
    static final int PER_ROUND = 200;
    /** The advisory lock of a round (any constant unique to this purpose within the database). */
    public static final long ROUND_LOCK = 0x616c6d2d66616374L;

    private final Database db;
    private final Iris iris;
    private final ActorService actors;
    private final MunicipalityDiscovery discovery;
    private final Clock clock;
    private final RemoteNodeFactsStore store = new RemoteNodeFactsStore();
    /** Municipalities asked without a follower count to keep, and when: not asked again within {@link #MAX_AGE}. */
    private final Map<String, Instant> unanswered = new ConcurrentHashMap<>();
    private volatile Thread thread;

    public DirectoryFactsRefresh(Database db, Iris iris, ActorService actors, MunicipalityDiscovery discovery, Clock clock) {
        this.db = db;
        this.iris = iris;
        this.actors = actors;
        this.discovery = discovery;
        this.clock = clock;
    }

    public DirectoryFactsRefresh start() {
        thread = Thread.ofVirtual().name("directory-facts").start(() -> {
            try {
                Thread.sleep(FIRST_ROUND);
                while (true) {
                    try {
                        refreshDue(MAX_AGE, PER_ROUND);
                    } catch (RuntimeException | SQLException e) {
                        LOG.warn("refreshing the directory's facts failed: {}", e.toString());
                    }
                    Thread.sleep(ROUND);
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
        return this;
    }

    /**
     * One round: reads the facts of up to {@code limit} subscribed municipalities not read within {@code maxAge}.
     *
     * @return how many were asked (0 when another process runs a round)
     */
    public int refreshDue(Duration maxAge, int limit) throws SQLException {
        Instant now = clock.instant();
        unanswered.values().removeIf(asked -> asked.plus(maxAge).isBefore(now));
        try (Connection lock = db.dataSource().getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) return 0;
            try {
                int asked = 0;
                for (var due : store.due(db.dsl(), maxAge, unanswered.keySet(), limit)) {
                    if (iris.isLocal(due.municipality())) continue; // the directory counts local followers itself
                    var coordinator = actors.findById(due.coordinatorId());
                    if (coordinator.isEmpty()) continue;
                    asked++;
                    if (!refresh(due, iris.actor(coordinator.get().handle()))) unanswered.put(due.municipality().toString(), now);
                }
                return asked;
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        }
    }

    private boolean refresh(RemoteNodeFactsStore.Due due, java.net.URI coordinatorIri) {
        try {
            return discovery.refreshFacts(due.municipality(), due.coordinatorId(), coordinatorIri);
        } catch (IOException | RuntimeException e) {
            LOG.debug("facts of {} not read: {}", due.municipality(), e.toString());
            return false;
        }
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, ROUND_LOCK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }
}
