package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic subscription of coordinators (issue 11, point 1, migration V27): which coordinators subscribe on their
 * own, and the durable queue of what they learnt of ({@code coordinator_discovery}), worked by the discovery worker.
 * A candidate is queued once per coordinator and kind, ever: nothing is looked at twice.
 */
public final class DiscoveryStore {
    /** The NOTIFY channel the discovery worker listens on. */
    public static final String CHANNEL = "coordinator_discovery";

    /** What a coordinator learnt of; see the migration for the kinds. */
    public enum Kind {
        ACTOR, NODE, GRAPH;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind ofDbValue(String v) {
            return valueOf(v.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** One row of the queue as the CLI lists it. */
    public record Learnt(Kind kind, String candidate, String source, String state) {}

    /** Turns automatic subscription on or off; off forgets what was learnt and not yet looked at. */
    public void setAuto(DSLContext tx, long coordinatorId, boolean on) {
        if (on) {
            tx.execute("INSERT INTO coordinator_auto (coordinator_id) VALUES (?) ON CONFLICT DO NOTHING", coordinatorId);
        } else {
            tx.execute("DELETE FROM coordinator_auto WHERE coordinator_id = ?", coordinatorId);
            tx.execute("DELETE FROM coordinator_discovery WHERE coordinator_id = ? AND done IS NULL AND failed IS NULL", coordinatorId);
        }
    }

    public boolean isAuto(DSLContext tx, long coordinatorId) {
        return tx.fetchExists(tx.selectOne().from("coordinator_auto").where("coordinator_id = ?", coordinatorId));
    }

    /** Queues a candidate for one coordinator, if it has automatic subscription on; false if it has not, or knew it. */
    public boolean learn(DSLContext tx, long coordinatorId, Kind kind, URI candidate, String source) {
        int added = tx.execute("""
                INSERT INTO coordinator_discovery (coordinator_id, kind, candidate, source)
                SELECT coordinator_id, ?, ?, ? FROM coordinator_auto WHERE coordinator_id = ?
                ON CONFLICT DO NOTHING""", kind.dbValue(), candidate.toString(), source, coordinatorId);
        if (added > 0) tx.execute("NOTIFY " + CHANNEL);
        return added > 0;
    }

    /**
     * Queues a follow graph to read (again): one read before is read anew, to find servers that joined since. The
     * servers it names are still asked only once.
     */
    public void reread(DSLContext tx, long coordinatorId, URI municipality, String source) {
        int queued = tx.execute("""
                INSERT INTO coordinator_discovery (coordinator_id, kind, candidate, source) VALUES (?, 'graph', ?, ?)
                ON CONFLICT (coordinator_id, kind, candidate) DO UPDATE SET source = excluded.source, outcome = NULL, done = NULL,
                    failed = NULL, last_error = NULL, attempts = 0, next_attempt = now(), lease_until = NULL
                WHERE coordinator_discovery.done IS NOT NULL OR coordinator_discovery.failed IS NOT NULL""",
                coordinatorId, municipality.toString(), source);
        if (queued > 0) tx.execute("NOTIFY " + CHANNEL);
    }

    /** Queues a candidate for every coordinator with automatic subscription on (none on an ordinary node). */
    public void learnForAll(DSLContext tx, Kind kind, URI candidate, String source) {
        int added = tx.execute("""
                INSERT INTO coordinator_discovery (coordinator_id, kind, candidate, source)
                SELECT coordinator_id, ?, ?, ? FROM coordinator_auto ON CONFLICT DO NOTHING""",
                kind.dbValue(), candidate.toString(), source);
        if (added > 0) tx.execute("NOTIFY " + CHANNEL);
    }

    /** Records what came of a candidate (the worker's outcome says whether it is done). */
    public void outcome(DSLContext tx, long id, String outcome) {
        tx.execute("UPDATE coordinator_discovery SET outcome = ? WHERE id = ?", outcome, id);
    }

    /**
     * Whether the coordinator's own block list names the actor: it blocked the account, or hides its domain (with or
     * without port). The node's blocks are the moderation service's.
     */
    public boolean blockedBy(DSLContext tx, long coordinatorId, URI actor) {
        String host = actor.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
        return tx.fetchExists(tx.selectOne().from("account c").where("""
                c.local_actor_id = ? AND (
                    EXISTS (SELECT 1 FROM account_block b JOIN account t ON t.id = b.target_id JOIN remote_actor ra ON ra.id = t.remote_actor_id
                            WHERE b.account_id = c.id AND ra.iri = ?)
                    OR EXISTS (SELECT 1 FROM account_domain_block d WHERE d.account_id = c.id AND d.domain IN (?, split_part(?, ':', 1))))""",
                coordinatorId, actor.toString(), host, host));
    }

    /** What the coordinator learnt of, oldest first, with its state. */
    public List<Learnt> learnt(DSLContext tx, long coordinatorId) {
        List<Learnt> out = new ArrayList<>();
        for (Record r : tx.fetch("""
                SELECT kind, candidate, source, CASE WHEN done IS NOT NULL THEN coalesce(outcome, 'done')
                    WHEN failed IS NOT NULL THEN 'failed: ' || coalesce(last_error, '') ELSE 'pending' END
                FROM coordinator_discovery WHERE coordinator_id = ? ORDER BY id""", coordinatorId)) {
            out.add(new Learnt(Kind.ofDbValue(r.get(0, String.class)), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)));
        }
        return out;
    }
}
