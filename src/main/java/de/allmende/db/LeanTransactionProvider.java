package de.allmende.db;

import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * jOOQ transactions without a round trip per begin. jOOQ's default provider asks the connection for
 * its isolation level at every begin — pgjdbc answers that with a {@code SHOW} query — although we
 * never change the level; profiles of the inbox showed it on every queue item. This one does only
 * what a transaction needs: auto-commit off, commit or roll back, connection back to the pool.
 * Nested transactions use savepoints, as jOOQ's do. Isolation and read-only properties are not
 * supported (nothing here asks for them). Topics announced to {@link Changes} during the transaction
 * are notified just before its commit and handed to this process's subscribers after it.
 */
final class LeanTransactionProvider implements TransactionProvider {
    private final DataSource dataSource;
    private final Changes changes;

    LeanTransactionProvider(DataSource dataSource, Changes changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    Changes changes() {
        return changes;
    }

    /** The transaction's connection, set on the transaction's own (derived) configuration. */
    sealed interface Tx extends ConnectionProvider {
        Connection connection();

        /** What the whole (top-level) transaction announced to {@link Changes}. */
        Set<String> topics();

        @Override
        default Connection acquire() {
            return connection();
        }

        @Override
        default void release(Connection connection) {
            // held until commit or rollback
        }
    }

    private record TopLevel(Connection connection, Set<String> topics) implements Tx {}

    /**
     * {@code savepoint} is null when setting it failed: the rollback then leaves the outer transaction
     * alone. Topics go to the top level's set; one rolled back to its savepoint only makes a cache drop more.
     */
    private record Nested(Connection connection, Savepoint savepoint, Set<String> topics) implements Tx {}

    @Override
    public void begin(TransactionContext ctx) {
        try {
            if (ctx.configuration().connectionProvider() instanceof Tx outer) {
                Connection c = outer.connection();
                ctx.configuration().set(new Nested(c, null, outer.topics()));
                ctx.configuration().set(new Nested(c, c.setSavepoint(), outer.topics()));
                return;
            }
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            ctx.configuration().set(new TopLevel(c, new LinkedHashSet<>()));
        } catch (SQLException e) {
            throw new DataAccessException("cannot begin a transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        try {
            switch (ctx.configuration().connectionProvider()) {
                case Nested n -> n.connection().releaseSavepoint(n.savepoint());
                case TopLevel t -> {
                    if (!t.topics().isEmpty()) Changes.notify(t.connection(), t.topics());
                    t.connection().commit(); // if this throws, jOOQ calls rollback(), which closes
                    t.connection().close();
                    if (!t.topics().isEmpty()) changes.heard(t.topics());
                }
                default -> throw new IllegalStateException("commit without begin");
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot commit: " + e.getMessage(), e);
        }
    }

    @Override
    public void rollback(TransactionContext ctx) {
        try {
            switch (ctx.configuration().connectionProvider()) {
                case Nested n -> {
                    if (n.savepoint() != null) n.connection().rollback(n.savepoint());
                }
                case TopLevel t -> {
                    try (Connection c = t.connection()) {
                        c.rollback();
                    }
                }
                default -> { } // begin failed before a connection was taken
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot roll back: " + e.getMessage(), e);
        }
    }
}
