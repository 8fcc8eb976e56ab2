package de.allmende.store;

import org.jooq.DSLContext;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What other nodes state about themselves, as a coordinator read it (issue 11, directory): a node's software (name
 * and version from its NodeInfo) and a municipality's follower count (its followers collection's {@code totalItems}).
 * The latest read wins; the directory shows them as "as stated by that node".
 */
public final class RemoteNodeFactsStore {

    public void software(DSLContext dsl, String host, String name, Optional<String> version) {
        dsl.execute("""
                INSERT INTO remote_node (host, software_name, software_version) VALUES (?, ?, ?)
                ON CONFLICT (host) DO UPDATE SET software_name = excluded.software_name,
                    software_version = excluded.software_version, fetched = now()""", host, name, version.orElse(null));
    }

    public void followers(DSLContext dsl, URI actor, long followers) {
        dsl.execute("""
                INSERT INTO remote_follower_count (actor_iri, followers) VALUES (?, ?)
                ON CONFLICT (actor_iri) DO UPDATE SET followers = excluded.followers, fetched = now()""", actor.toString(), followers);
    }

    /** Whether the node's software was read after {@code maxAgeSeconds} ago (then it is not read again). */
    public boolean knowsSoftware(DSLContext dsl, String host, long maxAgeSeconds) {
        return dsl.fetchExists(dsl.selectOne().from("remote_node")
                .where("host = ? AND fetched > now() - make_interval(secs => ?)", host, maxAgeSeconds));
    }

    /** A subscribed municipality whose facts are due to be read again, with the coordinator that subscribes to it. */
    public record Due(URI municipality, long coordinatorId) {}

    /**
     * Subscribed municipalities whose follower count was never read or not within {@code maxAge}, the oldest first,
     * leaving out {@code skipped} (asked lately without an answer to keep); one coordinator per municipality.
     */
    public List<Due> due(DSLContext dsl, Duration maxAge, Collection<String> skipped, int limit) {
        return dsl.fetch("""
                SELECT s.municipality, min(s.coordinator_id) FROM coordinator_subscription s
                LEFT JOIN remote_follower_count c ON c.actor_iri = s.municipality
                WHERE (c.fetched IS NULL OR c.fetched < now() - make_interval(secs => ?)) AND NOT s.municipality = ANY(?)
                GROUP BY s.municipality ORDER BY min(c.fetched) NULLS FIRST, s.municipality LIMIT ?""",
                maxAge.toSeconds(), skipped.toArray(String[]::new), limit)
                .map(r -> new Due(URI.create(r.get(0, String.class)), r.get(1, Long.class)));
    }
}
