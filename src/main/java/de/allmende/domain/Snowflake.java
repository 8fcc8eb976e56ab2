package de.allmende.domain;

import java.time.Instant;

/**
 * Ids of accounts and posts: opaque, time-sortable, in Mastodon's layout — milliseconds since the Unix epoch
 * in the high 48 bits, a sequence in the low 16. PostgreSQL makes them ({@code snowflake_id()}, migration V8),
 * so several node processes on one database never clash; here are the two readings the APIs need: the lowest
 * id of an instant (to page "since t" by {@code min_id}) and the instant of an id.
 */
public final class Snowflake {
    private static final int SEQUENCE_BITS = 16;

    private Snowflake() {}

    /** The smallest id made at {@code t}. */
    public static long lowest(Instant t) {
        return t.toEpochMilli() << SEQUENCE_BITS;
    }

    /** When an id was made, to the millisecond. */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli(id >>> SEQUENCE_BITS);
    }
}
