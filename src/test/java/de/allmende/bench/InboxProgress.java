package de.allmende.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How far the node's durable inbox queue ({@code inbox_item}) has got, read from its database.
 *
 * <p>A count over the whole table every 10 s would read millions of rows by the end of a soak and take
 * from the node what it measures. So rows are counted once for good when they are settled (finished, and
 * older than {@link #SETTLE_SECONDS}, so no transaction still in flight can add a row below them), and each
 * sample reads only the rows after that mark: about half a minute of traffic.
 */
final class InboxProgress implements AutoCloseable {
    /** Longer than any transaction that inserts inbox rows can stay open. */
    private static final int SETTLE_SECONDS = 30;
    private static final String SAMPLE = """
            WITH bound AS (SELECT coalesce(least(
                      (SELECT min(id) FROM inbox_item WHERE id > ? AND processed IS NULL AND failed IS NULL),
                      (SELECT min(id) FROM inbox_item WHERE id > ? AND received > now() - make_interval(secs => ?))),
                    9223372036854775807) AS first_unsettled)
            SELECT count(*) FILTER (WHERE processed IS NOT NULL),
                   count(*) FILTER (WHERE failed IS NOT NULL),
                   count(*) FILTER (WHERE processed IS NULL AND failed IS NULL),
                   count(*) FILTER (WHERE id < first_unsettled AND processed IS NOT NULL),
                   count(*) FILTER (WHERE id < first_unsettled AND failed IS NOT NULL),
                   max(id) FILTER (WHERE id < first_unsettled)
            FROM inbox_item, bound WHERE id > ?""";

    /** Rows stored (each one a 202), applied, given up on, and waiting (the backlog). */
    record Counts(long stored, long processed, long failed, long backlog) {}

    private final Connection db;
    private long settledId;
    private long settledProcessed;
    private long settledFailed;

    InboxProgress(String jdbcUrl) throws SQLException {
        db = DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    Counts sample() throws SQLException {
        try (PreparedStatement s = db.prepareStatement(SAMPLE)) {
            s.setLong(1, settledId);
            s.setLong(2, settledId);
            s.setInt(3, SETTLE_SECONDS);
            s.setLong(4, settledId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long processed = settledProcessed + r.getLong(1);
                long failed = settledFailed + r.getLong(2);
                long backlog = r.getLong(3);
                settledProcessed += r.getLong(4);
                settledFailed += r.getLong(5);
                long newMark = r.getLong(6);
                if (!r.wasNull()) settledId = newMark;
                return new Counts(processed + failed + backlog, processed, failed, backlog);
            }
        }
    }

    /** The same counts over the whole table, once, to check the running tally at the end. */
    Counts full() throws SQLException {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*), count(processed), count(failed), "
                + "count(*) FILTER (WHERE processed IS NULL AND failed IS NULL) FROM inbox_item")) {
            r.next();
            return new Counts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
        }
    }

    /** fsync and synchronous_commit of the node's database, for the report (the embedded one runs without fsync). */
    String durability() throws SQLException {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            r.next();
            return "fsync=" + r.getString(1) + ", synchronous_commit=" + r.getString(2) + ", shared_buffers=" + r.getString(3);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
