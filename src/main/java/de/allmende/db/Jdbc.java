package de.allmende.db;

import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Plain JDBC transactions for the inbox's hot statements. There jOOQ's rendering and binding cost
 * more CPU than PostgreSQL's work (a third of the node's samples in the ingest benchmark); the SQL
 * stays in the stores, as fixed prepared statements that pgjdbc prepares once per connection.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Sets the parameters in order; a null leaves its type to PostgreSQL, which infers it from the statement. */
    public static PreparedStatement bind(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
        return st;
    }

    /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
    public static <T> T transaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }
}
