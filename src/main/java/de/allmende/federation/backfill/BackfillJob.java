package de.allmende.federation.backfill;

import de.allmende.db.queue.Job;
import de.allmende.db.queue.LeasedQueue;

import java.net.URI;
import java.util.Optional;

/** A claimed backfill: whose outbox, for which coordinator, and the page to read next (empty: the outbox's first). */
record BackfillJob(long id, int attempts, long coordinatorId, URI municipality, URI outbox, Optional<URI> nextPage) implements Job {
    static final LeasedQueue<BackfillJob> QUEUE = new LeasedQueue<>("coordinator_backfill", "done",
            "id, attempts, coordinator_id, municipality, outbox, next_page",
            rs -> new BackfillJob(rs.getLong(1), rs.getInt(2), rs.getLong(3), URI.create(rs.getString(4)), URI.create(rs.getString(5)),
                    Optional.ofNullable(rs.getString(6)).map(URI::create)),
            BackfillJob::id);

    @Override
    public String describe() {
        return "backfill of " + municipality + (nextPage.map(p -> " at " + p).orElse(""));
    }
}
