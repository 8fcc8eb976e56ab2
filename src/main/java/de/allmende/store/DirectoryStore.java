package de.allmende.store;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the directory's members as stored: the node's own municipalities (discoverable ones), and remote actors it
 * aggregates — those a coordinator here subscribes to, and those a local actor follows whose document names them a
 * municipality (AGS, ARS or municipality type; a followed person or group is no member). A remote actor that says
 * {@code discoverable: false} is left out, as Mastodon's directory leaves it out.
 */
public final class DirectoryStore {
    /**
     * The members as the CTE {@code member} (account, handle, iri, acct, name, host, ags, ars, land, type, population,
     * followers, software; facts unchecked). The statistics read it too, so that they count exactly these members.
     */
    static final String MEMBERS = """
            WITH member AS (
                SELECT a.id AS account, act.handle, NULL::text AS iri, act.handle AS acct, act.display_name AS name, NULL::text AS host,
                       act.ags::text AS ags, act.ars::text AS ars, act.land, act.municipality_type AS type, act.population,
                       (SELECT count(*) FROM follow f WHERE f.followee_id = a.id AND f.state = 'accepted') AS followers,
                       NULL::text AS software
                FROM actor act JOIN account a ON a.local_actor_id = act.id
                WHERE act.kind = 'municipality' AND act.discoverable
                UNION ALL
                SELECT a.id, NULL, ra.iri, coalesce(ra.preferred_username, ra.iri) || '@' || ra.host,
                       coalesce(nullif(ra.name, ''), ra.preferred_username, ra.iri), ra.host,
                       ra.raw->>'ags', ra.raw->>'ars', ra.raw->>'land', ra.raw->>'municipalityType',
                       CASE WHEN ra.raw->>'population' ~ '^[0-9]{1,9}$' THEN (ra.raw->>'population')::int END,
                       (SELECT c.followers FROM remote_follower_count c WHERE c.actor_iri = ra.iri),
                       (SELECT n.software_name || coalesce(' ' || n.software_version, '') FROM remote_node n WHERE n.host = ra.host)
                FROM remote_actor ra JOIN account a ON a.remote_actor_id = ra.id
                WHERE coalesce(ra.raw->>'discoverable', '') <> 'false'
                  AND (EXISTS (SELECT 1 FROM coordinator_subscription s WHERE s.municipality = ra.iri)
                       OR (coalesce(ra.raw->>'ags', ra.raw->>'ars', ra.raw->>'municipalityType') IS NOT NULL
                           AND EXISTS (SELECT 1 FROM follow f JOIN account la ON la.id = f.follower_id
                                       WHERE f.followee_id = a.id AND f.state = 'accepted' AND la.local_actor_id IS NOT NULL))))
            """;

    /**
     * One member as stored; facts unchecked (a remote document may say anything).
     *
     * @param handle    the local handle, or null for a remote actor
     * @param iri       the remote actor's IRI, or null for a local one
     * @param followers accepted followers of a local actor; of a remote one, what its followers collection said when a
     *                  coordinator here last read it (null: never read)
     * @param software  a remote actor's node software and version, as its NodeInfo said when last read (null for local
     *                  actors and when never read)
     * @param fields    field-of-action code → public posts in it
     * @param recommended its public posts a coordinator of this node features ("empfohlen")
     */
    public record Row(String handle, String iri, String acct, String name, String host, String ags, String ars, String land,
                      String type, Integer population, Long followers, String software, Optional<Instant> lastActivity,
                      Map<String, Long> fields, long recommended) {}

    /** A member's facts alone, without the counts over posts (for the statistics, which count many members). */
    public record Facts(boolean local, String acct, String name, String land, String type, Integer population, Long followers) {}

    public List<Facts> facts(DSLContext dsl) {
        return dsl.fetch(MEMBERS + "SELECT handle IS NOT NULL, acct, name, land, type, population, followers FROM member")
                .map(r -> new Facts(r.get(0, Boolean.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, Integer.class), r.get(6, Long.class)));
    }

    public List<Row> members(DSLContext dsl) {
        List<Row> out = new ArrayList<>();
        for (Record r : dsl.fetch(MEMBERS + """
                -- One pass over the index for every member (search_document has no index by account).
                , field_count AS (
                    SELECT account_id, array_agg(f ORDER BY f) AS codes, array_agg(n ORDER BY f) AS counts
                    FROM (SELECT d.account_id, f, count(*) AS n FROM search_document d, unnest(d.fields) f GROUP BY 1, 2) x
                    GROUP BY account_id),
                -- What coordinators here feature (CurationStore.RECOMMENDED), by author: few rows, counted once.
                recommended AS (
                    SELECT p.author_id, count(DISTINCT p.id) AS n
                    FROM status_pin s JOIN account ca ON ca.id = s.account_id JOIN actor c ON c.id = ca.local_actor_id
                    JOIN post p ON p.id = s.post_id
                    WHERE c.kind = 'coordinator' AND p.deleted IS NULL AND p.visibility = 'public'
                    GROUP BY p.author_id)
                SELECT m.handle, m.iri, m.acct, m.name, m.host, m.ags, m.ars, m.land, m.type, m.population, m.followers, m.software,
                       (SELECT max(p.published) FROM post p WHERE p.author_id = m.account AND p.visibility = 'public'
                                                              AND p.deleted IS NULL AND p.reblog_of_id IS NULL),
                       coalesce(c.codes, '{}'), coalesce(c.counts, '{}'), coalesce(rec.n, 0)
                FROM member m
                LEFT JOIN field_count c ON c.account_id = m.account
                LEFT JOIN recommended rec ON rec.author_id = m.account
                ORDER BY lower(m.name), m.acct""")) {
            Map<String, Long> fields = new LinkedHashMap<>();
            String[] codes = r.get(13, String[].class);
            Long[] counts = r.get(14, Long[].class);
            for (int i = 0; i < codes.length; i++) fields.put(codes[i], counts[i]);
            out.add(new Row(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                    r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
                    r.get(8, String.class), r.get(9, Integer.class), r.get(10, Long.class), r.get(11, String.class),
                    Optional.ofNullable(r.get(12, OffsetDateTime.class)).map(OffsetDateTime::toInstant), fields, r.get(15, Long.class)));
        }
        return out;
    }
}
