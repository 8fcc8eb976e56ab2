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
import java.util.function.ToLongFunction;

/**
 * A PostgreSQL table used as a durable job queue, with the columns every queue here shares: {@code id},
 * {@code attempts}, {@code next_attempt}, {@code lease_until}, {@code failed}, {@code last_error} and a
 * "finished" timestamp column. Claims take due rows in the queue's order with {@code FOR UPDATE SKIP LOCKED}, so
 * several workers (and processes) take disjoint rows, and lease them: rows of a crashed process are due
 * again when their lease ends. Every claim raises {@code attempts}, which is how a retry counts, and how a
 * worker proves its claim still stands ({@link #confirm}).
 *
 * <p>A queue may have lanes (a column such as a delivery's host): a claim then skips the rows of busy lanes and
 * takes those of preferred lanes first (see {@link Lanes}). It may have a result-code column (a delivery's last
 * HTTP status), written with every outcome.
 *
 * <p>The statements are plain JDBC with fixed SQL (prepared once per connection; see {@code db.Jdbc}).
 */
public final class LeasedQueue<T> {

    /** Reads one claimed row; the columns are those named in the shape, in order. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * @param table      the queue table
     * @param finished   its "done" column ({@code processed}, {@code done} …)
     * @param columns    what a claim returns, read by the reader
     * @param order      how due rows are taken: {@code id} (oldest first) or e.g. {@code next_attempt}
     * @param lane       the lane column, or null for a queue without lanes
     * @param resultCode the column each outcome's code is written to, or null
     * @param only       a condition (fixed SQL, no input) that limits claims to some of the table's rows, or null: the
     *                   event consumers that take single jobs leave the others' rows to their batches
     */
    public record Shape(String table, String finished, String columns, String order, String lane, String resultCode, String only) {
        public Shape(String table, String finished, String columns, String order, String lane, String resultCode) {
            this(table, finished, columns, order, lane, resultCode, null);
        }

        public static Shape of(String table, String finished, String columns) {
            return new Shape(table, finished, columns, "id", null, null);
        }

        public Shape only(String condition) {
            return new Shape(table, finished, columns, order, lane, resultCode, condition);
        }
    }

    private final RowReader<T> reader;
    private final Comparator<T> order;
    private final boolean resultCodes;
    private final boolean lanes;
    private final String claim;
    private final String claimPreferring;
    private final String confirm;
    private final String giveBack;
    private final String finish;
    private final String retryLater;
    private final String fail;
    private final String renew;
    private final String untilDue;

    public LeasedQueue(String table, String finished, String columns, RowReader<T> reader, ToLongFunction<T> idOf) {
        this(Shape.of(table, finished, columns), reader, idOf);
    }

    public LeasedQueue(Shape shape, RowReader<T> reader, ToLongFunction<T> idOf) {
        String t = shape.table();
        this.reader = reader;
        this.order = Comparator.comparingLong(idOf);
        this.resultCodes = shape.resultCode() != null;
        this.lanes = shape.lane() != null;
        String pending = shape.finished() + " IS NULL AND failed IS NULL";
        String code = resultCodes ? ", " + shape.resultCode() + " = ?" : "";
        // The pending-condition is spelled exactly as the queues' partial indexes are, so PostgreSQL uses them.
        String due = "SELECT id FROM " + t + " WHERE " + pending + " AND next_attempt <= now()"
                + " AND (lease_until IS NULL OR lease_until < now())"
                + (shape.only() == null ? "" : " AND " + shape.only())
                + (shape.lane() == null ? "" : " AND " + shape.lane() + " <> ALL(?)");
        String take = "UPDATE " + t + " SET lease_until = now() + make_interval(secs => ?), attempts = attempts + 1 WHERE id IN (";
        String rest = " LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + shape.columns();
        this.claim = take + due + " ORDER BY " + shape.order() + rest;
        this.claimPreferring = shape.lane() == null ? claim
                : take + due + " ORDER BY (" + shape.lane() + " = ANY(?)) DESC, " + shape.order() + rest;
        this.confirm = "UPDATE " + t + " SET lease_until = now() + make_interval(secs => ?) WHERE id = ? AND attempts = ? AND " + pending;
        this.giveBack = "UPDATE " + t + " q SET lease_until = NULL, attempts = q.attempts - 1"
                + " FROM unnest(?::bigint[], ?::int[]) AS u(id, attempts) WHERE q.id = u.id AND q.attempts = u.attempts AND q." + shape.finished()
                + " IS NULL AND q.failed IS NULL";
        this.finish = resultCodes
                ? "UPDATE " + t + " q SET " + shape.finished() + " = now(), " + shape.resultCode() + " = u.code, lease_until = NULL"
                        + " FROM unnest(?::bigint[], ?::int[]) AS u(id, code) WHERE q.id = u.id"
                : "UPDATE " + t + " SET " + shape.finished() + " = now(), lease_until = NULL WHERE id = ANY(?)";
        this.retryLater = "UPDATE " + t + " SET next_attempt = now() + make_interval(secs => ?), lease_until = NULL, last_error = ?"
                + code + " WHERE id = ?";
        this.fail = "UPDATE " + t + " SET failed = now(), lease_until = NULL, last_error = ?" + code + " WHERE id = ?";
        this.untilDue = "SELECT extract(epoch FROM min(greatest(next_attempt, coalesce(lease_until, next_attempt))) - now()) FROM " + t
                + " WHERE " + pending + (shape.only() == null ? "" : " AND " + shape.only());
        this.renew = "UPDATE " + t + " SET lease_until = now() + make_interval(secs => ?) WHERE id = ANY(?) AND " + pending;
    }

    /**
     * Claims up to {@code limit} due rows for {@code lease} in the queue's order; on a queue with lanes none of a busy
     * lane, the preferred lanes' first ({@link Lanes#NONE} for a queue without).
     */
    public List<T> claim(Connection c, int limit, Duration lease, Lanes lanes) throws SQLException {
        boolean preferring = this.lanes && !lanes.preferred().isEmpty();
        try (PreparedStatement st = c.prepareStatement(preferring ? claimPreferring : claim)) {
            int i = 1;
            st.setDouble(i++, seconds(lease));
            if (this.lanes) {
                st.setArray(i++, c.createArrayOf("text", lanes.busy().toArray()));
                if (preferring) st.setArray(i++, c.createArrayOf("text", lanes.preferred().toArray()));
            }
            st.setInt(i, limit);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(reader.read(rs));
            }
            rows.sort(order); // RETURNING keeps no order
            return rows;
        }
    }

    /**
     * True if the claim is still this worker's, renewing its lease. Every claim raises {@code attempts}, so an
     * unchanged count proves nobody claimed the row again after its lease ran out (e.g. while this process stalled).
     */
    public boolean confirm(Connection c, Job job, Duration lease) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(confirm)) {
            st.setDouble(1, seconds(lease));
            st.setLong(2, job.id());
            st.setInt(3, job.attempts());
            return st.executeUpdate() == 1;
        }
    }

    /** Hands claimed rows back unworked: due again at once for whoever claims next, the claim's attempt undone. */
    public void giveBack(Connection c, Collection<? extends Job> jobs) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(giveBack)) {
            st.setArray(1, c.createArrayOf("bigint", jobs.stream().map(Job::id).toArray()));
            st.setArray(2, c.createArrayOf("integer", jobs.stream().map(Job::attempts).toArray()));
            st.executeUpdate();
        }
    }

    /** Marks rows finished, all in one statement; {@code codes} (one per id, may hold nulls) go to the result column. */
    public void finish(Connection c, List<Long> ids, List<Integer> codes) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(finish)) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            if (resultCodes) st.setArray(2, c.createArrayOf("integer", codes.toArray()));
            st.executeUpdate();
        }
    }

    /** Gives a row back, due again after {@code delay}. */
    public void retryLater(Connection c, long id, Duration delay, String error, Integer code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(retryLater)) {
            st.setDouble(1, seconds(delay));
            st.setString(2, error);
            if (resultCodes) st.setObject(3, code, java.sql.Types.INTEGER);
            st.setLong(resultCodes ? 4 : 3, id);
            st.executeUpdate();
        }
    }

    /** Gives up on a row for good, keeping the reason. */
    public void fail(Connection c, long id, String error, Integer code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(fail)) {
            st.setString(1, error);
            if (resultCodes) st.setObject(2, code, java.sql.Types.INTEGER);
            st.setLong(resultCodes ? 3 : 2, id);
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

    /**
     * How long until the earliest pending row is due: its next attempt, or the end of its lease if it is claimed (the
     * claimer may die); empty if none is pending. Zero or less: due now.
     */
    public java.util.Optional<Duration> untilDue(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(untilDue); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) return java.util.Optional.empty();
            double seconds = rs.getDouble(1);
            return rs.wasNull() ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
