package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.store.InboxStore;
import de.allmende.support.ApiException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first inbox stage: while more accepted activities wait to be applied than {@code limit}, inbox POSTs are
 * answered 503 with Retry-After before anything is verified or stored. Acceptance is cheap and applying is not;
 * without this a flood of valid activities (many senders, each within its limits) would grow the queue and the
 * disk without bound while every activity waits longer. Senders retry 503s, so nothing is lost.
 *
 * <p>The count is read at most once a second (an index-only count over the pending items), by one request at
 * a time; the others use the last figure.
 */
public final class InboxBacklog {
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);
    private static final long RECOUNT_NANOS = Duration.ofSeconds(1).toNanos();

    private final Database db;
    private final int limit;
    private final InboxStore items = new InboxStore();
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile long pending;
    private volatile long countedAt = System.nanoTime() - RECOUNT_NANOS;

    public InboxBacklog(Database db, int limit) {
        this.db = db;
        this.limit = limit;
    }

    /** Throws 503 with Retry-After while the backlog is at its limit. */
    public void refuseWhileBehind() {
        if (System.nanoTime() - countedAt >= RECOUNT_NANOS && counting.compareAndSet(false, true)) {
            try {
                pending = items.countPending(db.dsl());
                countedAt = System.nanoTime();
            } finally {
                counting.set(false);
            }
        }
        if (pending >= limit) {
            throw ApiException.behind("inbox: too many activities wait to be applied, try again later", RETRY_AFTER);
        }
    }
}
