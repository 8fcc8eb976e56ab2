package de.allmende.federation.backfill;

import de.allmende.db.Database;

import java.time.Duration;

/**
 * A polite pace per host, shared by every process on the database: each fetch takes the host's next free slot
 * ({@code backfill_pace}) in one statement and waits for it, so a host gets at most one backfill fetch per
 * {@code interval} from this node however many jobs and processes read from it.
 */
final class HostPace {
    private static final String TAKE_SLOT = "INSERT INTO backfill_pace (host, next_slot) VALUES (?, now() + make_interval(secs => ?))"
            + " ON CONFLICT (host) DO UPDATE SET next_slot = greatest(backfill_pace.next_slot, now()) + make_interval(secs => ?)"
            + " RETURNING greatest(0, extract(epoch FROM (backfill_pace.next_slot - now())) * 1000 - ?)";

    private final Database db;
    private final Duration interval;

    HostPace(Database db, Duration interval) {
        this.db = db;
        this.interval = interval;
    }

    /** Waits for this process's turn to fetch from {@code host}. */
    void await(String host) throws InterruptedException {
        double seconds = interval.toMillis() / 1000.0;
        long waitMillis = db.dsl().connectionResult(c -> {
            try (var st = c.prepareStatement(TAKE_SLOT)) {
                st.setString(1, host);
                st.setDouble(2, seconds);
                st.setDouble(3, seconds);
                st.setDouble(4, interval.toMillis());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return (long) rs.getDouble(1);
                }
            }
        });
        if (waitMillis > 0) Thread.sleep(waitMillis);
    }

    /** {@link #await}, for fetchers: an interrupt (the node stopping) ends the fetch as an I/O failure, retried later. */
    void beforeFetch(String host) throws java.io.IOException {
        try {
            await(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted");
        }
    }
}
