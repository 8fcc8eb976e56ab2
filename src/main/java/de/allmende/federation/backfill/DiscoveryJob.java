package de.allmende.federation.backfill;

import de.allmende.db.queue.Job;
import de.allmende.db.queue.LeasedQueue;
import de.allmende.store.DiscoveryStore.Kind;

import java.net.URI;

/** A claimed candidate an automatic coordinator learnt of: a municipality, a server, or a follow graph to read. */
record DiscoveryJob(long id, int attempts, long coordinatorId, Kind kind, URI candidate) implements Job {
    static final LeasedQueue<DiscoveryJob> QUEUE = new LeasedQueue<>("coordinator_discovery", "done",
            "id, attempts, coordinator_id, kind, candidate",
            rs -> new DiscoveryJob(rs.getLong(1), rs.getInt(2), rs.getLong(3), Kind.ofDbValue(rs.getString(4)), URI.create(rs.getString(5))),
            DiscoveryJob::id);

    @Override
    public String describe() {
        return "discovery (" + kind.dbValue() + ") of " + candidate;
    }
}
