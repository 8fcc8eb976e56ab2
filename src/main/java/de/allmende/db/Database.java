package de.allmende.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.allmende.config.DatabaseSettings;
import de.allmende.config.NodeConfig;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The node's PostgreSQL: external when configured, else embedded in the data folder.
 * Owns the connection pool and, when it started it, the embedded server.
 */
public final class Database implements AutoCloseable {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final HikariDataSource pool;
    private final EmbeddedPostgresServer embedded; // null for an external database
    private final DSLContext dsl;
    private final Changes changes;
    private Database relaxed; // lazily made second pool, see relaxedCommits()
    /** The process's one listening connection, shared with the relaxed pool. */
    private final Notifications notifications;
    private boolean listeningForChanges; // see listenForChanges()

    private Database(HikariDataSource pool, EmbeddedPostgresServer embedded, Changes changes, Notifications notifications) {
        this.pool = pool;
        this.embedded = embedded;
        this.changes = changes;
        this.notifications = notifications != null ? notifications
                : new Notifications(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), pool);
        this.dsl = DSL.using(new DefaultConfiguration().set(pool).set(SQLDialect.POSTGRES)
                .set(new LeanTransactionProvider(pool, changes)));
    }

    public static Database open(NodeConfig config) {
        if (config.database().isPresent()) return connect(config.database().get(), null);
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.startOrAttach(config.embeddedDatabaseDir());
        try {
            return connect(new DatabaseSettings(pg.jdbcUrl(), "postgres", "", 10), pg);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** Connects to an already running PostgreSQL (external, or a test's embedded one). */
    public static Database connect(DatabaseSettings settings, EmbeddedPostgresServer embedded) {
        return connect(settings, embedded, null, new Changes(), null);
    }

    private static Database connect(DatabaseSettings settings, EmbeddedPostgresServer embedded, String initSql, Changes changes,
                                     Notifications notifications) {
        HikariConfig hc = new HikariConfig();
        if (initSql != null) hc.setConnectionInitSql(initSql);
        hc.setJdbcUrl(settings.jdbcUrl());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setMinimumIdle(1);
        String name = initSql == null ? "allmende" : "allmende-relaxed";
        hc.setPoolName(name);
        hc.addDataSourceProperty("ApplicationName", name); // what pg_stat_activity shows of its sessions
        hc.setConnectionTimeout(5_000);
        hc.setInitializationFailTimeout(10_000);
        try {
            return new Database(new HikariDataSource(hc), embedded, changes, notifications);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    /**
     * Applies pending Flyway migrations from classpath:db/migration; returns how many. Flyway is loaded only
     * when the schema is not already up to date ({@link Migrations}).
     */
    public int migrate() {
        try (Connection c = pool.getConnection()) {
            if (Migrations.upToDate(c)) return 0;
        } catch (java.sql.SQLException e) {
            // Flyway connects again and reports what is wrong
        }
        return Flyway.configure().dataSource(pool).locations("classpath:" + Migrations.LOCATION)
                .load().migrate().migrationsExecuted;
    }

    public DSLContext dsl() { return dsl; }

    /**
     * A second pool whose transactions commit without waiting for the WAL flush. For work that is
     * safe to redo: queue workers apply an item and mark it done in later commits, and PostgreSQL keeps
     * commit order, so a crash can only forget the tail — the item stays queued and is applied again
     * (idempotently, by activity id). Never use it for accepting input or for publishing. Its connections: delivery's
     * outcome writer holds one while the node runs; the rest serve the workers' jobs (the delivery lanes' sends, up to
     * eight backfill pages' transactions, four event batches), hence up to 24. It shares this pool's listening
     * connection.
     */
    public synchronized Database relaxedCommits() {
        if (relaxed == null) {
            relaxed = connect(new DatabaseSettings(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(),
                    Math.max(24, pool.getMaximumPoolSize())), null, "SET synchronous_commit TO off", changes, notifications);
        }
        return relaxed;
    }

    public DataSource dataSource() { return pool; }

    /** What committed transactions changed that public documents show (see {@link Changes}). */
    public Changes changes() { return changes; }

    /**
     * Starts hearing other processes' changes (once; a node serving HTTP does, command-line tools do not). Until it
     * listens, {@link Changes#tracking()} is false.
     */
    public synchronized void listenForChanges() {
        if (listeningForChanges) return;
        listeningForChanges = true;
        notifications.subscribe(Changes.CHANNEL, new Notifications.Receiver() {
            @Override
            public void heard(java.util.List<String> topics) { changes.heard(topics); }

            @Override
            public void listening(boolean on) { changes.tracking(on); }
        });
    }

    /**
     * Hears {@code channel} on the process's one listening connection beside the pool (see {@link Notifications}),
     * until the subscription or the database closes. {@code channel} is a fixed identifier of the code, never input.
     */
    public Notifications.Subscription listen(String channel, Notifications.Receiver receiver) {
        return notifications.subscribe(channel, receiver);
    }

    /** Readiness: a round trip to the server within two seconds. */
    public boolean isReady() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        notifications.close(); // the relaxed pool's object shares it: closing it twice does nothing
        if (relaxed != null) relaxed.close();
        pool.close();
        if (embedded != null) embedded.close();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
