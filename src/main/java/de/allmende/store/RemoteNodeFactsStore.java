package de.allmende.store;

import org.jooq.DSLContext;

import java.net.URI;
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
}
