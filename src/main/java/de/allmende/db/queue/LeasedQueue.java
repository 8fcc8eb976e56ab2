package de.allmende.db.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A PostgreSQL table used as a durable job queue, with the columns every queue here shares: {@code id},
 * {@code attempts}, {@code next_attempt}, {@code lease_until}, {@code failed}, {@code last_error} and a
 * "finished" timestamp column. Claims take due rows oldest first with {@code FOR UPDATE SKIP LOCKED}, so
 * several workers (and processes) take disjoint rows, and lease them: rows of a crashed process are due
 * again when their lease ends. Every claim raises {@code attempts}, which is how a retry counts.
 *
 * <p>The statements are plain JDBC with fixed SQL (prepared once per connection; see {@code db.Jdbc}).
 */
public final class LeasedQueue<T> {

    /** Reads one claimed row; the columns are those named in the constructor, in order. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final RowReader<T> reader;
    private final Comparator<T> order;
    private final String claim;
    private final String finish;
    private final String retryLater;
    private final String fail;
    private final String renew;

    /**
     * @param table       the queue table
     * @param finished    its "done" column ({@code processed}, {@code done} …)
     * @param columns     what a claim returns, read by {@code reader}
     * @param idOf        the row id of a read row, to hand claims back in id order
     */
    public LeasedQueue(String table, String finished, String columns, RowReader<T> reader, java.util.function.ToLongFunction<T> idOf) {
        this.reader = reader;
        this.order = Comparator.comparingLong(idOf);
        String pending = finished + " IS NULL AND failed IS NULL";
        // The pending-condition is spelled exactly as the queues' partial indexes are, so PostgreSQL uses them.
        this.claim = "UPDATE " + table + " SET lease_until = now() + make_interval(secs => ?), attempts = attempts + 1"
                + " WHERE id IN (SELECT id FROM " + table + " WHERE " + pending + " AND next_attempt <= now()"
                + " AND (lease_until IS NULL OR lease_until < now()) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + columns;
        this.finish = "UPDATE " + table + " SET " + finished + " = now(), lease_until = NULL WHERE id = ANY(?)";
        this.retryLater = "UPDATE " + table + " SET next_attempt = now() + make_interval(secs => ?), lease_until = NULL, last_error = ?"
                + " WHERE id = ?";
        this.fail = "UPDATE " + table + " SET failed = now(), lease_until = NULL, last_error = ? WHERE id = ?";
        this.renew = "UPDATE " + table + " SET lease_until = now() + make_interval(secs => ?) WHERE id = ANY(?) AND " + pending;
    }

    /** Claims up to {@code limit} due rows for {@code lease}, oldest first. */
    public List<T> claim(Connection c, int limit, Duration lease) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(claim)) {
            st.setDouble(1, seconds(lease));
            st.setInt(2, limit);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(reader.read(rs));
            }
            rows.sort(order); // RETURNING keeps no order
            return rows;
        }
    }

    /** Marks rows finished, all in one statement. */
    public void finish(Connection c, Collection<Long> ids) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(finish)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
    }

    /** Gives a row back, due again after {@code delay}. */
    public void retryLater(Connection c, long id, Duration delay, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(retryLater)) {
            st.setDouble(1, seconds(delay));
            st.setString(2, error);
            st.setLong(3, id);
            st.executeUpdate();
        }
    }

    /** Gives up on a row for good, keeping the reason. */
    public void fail(Connection c, long id, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(fail)) {
            st.setString(1, error);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }

    /** Extends the leases of rows a live worker still holds; returns how many are still pending. */
    public int renewLeases(Connection c, Collection<Long> ids, Duration lease) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(renew)) {
            st.setDouble(1, seconds(lease));
            st.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            return st.executeUpdate();
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
