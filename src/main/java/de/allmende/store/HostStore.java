package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;

import static de.allmende.db.Tables.HOST_STATUS;

/**
 * Health of remote hosts, counted as Mastodon does: one failure per UTC day; after failures on
 * {@link #FAILURE_DAYS_THRESHOLD} distinct days a host is unavailable and skipped until it succeeds
 * once or sends us anything.
 */
public final class HostStore {
    public static final int FAILURE_DAYS_THRESHOLD = 7;

    public void recordFailure(DSLContext tx, String host, LocalDate day) {
        tx.insertInto(HOST_STATUS).set(HOST_STATUS.HOST, host).set(HOST_STATUS.FAILURE_DAYS, new LocalDate[]{day})
                .onConflict(HOST_STATUS.HOST).doUpdate()
                .set(HOST_STATUS.FAILURE_DAYS, DSL.field("CASE WHEN {0} = ANY(host_status.failure_days) THEN host_status.failure_days"
                        + " ELSE array_append(host_status.failure_days, {0}) END", LocalDate[].class, DSL.val(day)))
                .execute();
        tx.update(HOST_STATUS).set(HOST_STATUS.UNAVAILABLE_SINCE, DSL.currentOffsetDateTime())
                .where(HOST_STATUS.HOST.eq(host), HOST_STATUS.UNAVAILABLE_SINCE.isNull(),
                        DSL.condition("cardinality(failure_days) >= {0}", FAILURE_DAYS_THRESHOLD))
                .execute();
    }

    /** Any success (or any inbound activity from the host) resets it. */
    public void recordSuccess(DSLContext tx, String host) {
        tx.update(HOST_STATUS).set(HOST_STATUS.FAILURE_DAYS, new LocalDate[0]).setNull(HOST_STATUS.UNAVAILABLE_SINCE)
                .set(HOST_STATUS.LAST_SUCCESS, DSL.currentOffsetDateTime())
                .where(HOST_STATUS.HOST.eq(host), DSL.condition("cardinality(failure_days) > 0").or(HOST_STATUS.UNAVAILABLE_SINCE.isNotNull()))
                .execute();
    }

    /** {@link #recordSuccess(DSLContext, String)} for the hosts of a group commit, in one plain JDBC statement. */
    public void recordSuccess(Connection c, Collection<String> hosts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE host_status SET failure_days = '{}', unavailable_since = NULL, last_success = now()
                WHERE host = ANY(?) AND (cardinality(failure_days) > 0 OR unavailable_since IS NOT NULL)""")) {
            st.setArray(1, c.createArrayOf("text", hosts.toArray()));
            st.executeUpdate();
        }
    }

    /** Whether the host is marked unavailable (the delivery claim reads the same column for each row it takes). */
    public boolean isUnavailable(DSLContext tx, String host) {
        return tx.fetchExists(HOST_STATUS, HOST_STATUS.HOST.eq(host).and(HOST_STATUS.UNAVAILABLE_SINCE.isNotNull()));
    }
}
