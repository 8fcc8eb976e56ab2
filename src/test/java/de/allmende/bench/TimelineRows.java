package de.allmende.bench;

import de.allmende.testkit.TestNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A big home timeline written straight into the database with generate_series, as the stores write the rows:
 * remote authors (five for every account followed, on 50 hosts), the municipality's accepted follows of the first
 * of them, and posts spread over them round-robin, 30 s apart (snowflake ids made from that time, so later posts of
 * the node sort above): 60 % public, 20 % unlisted, 10 % followers-only, 10 % direct (to someone else); every 20th
 * a boost of a post 97 earlier.
 */
final class TimelineRows {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private TimelineRows() {}

    static void fill(TestNode node, String handle, int posts, int follows) throws SQLException {
        int authors = follows * 5;
        long me = account(node, handle);
        String meIri = node.actorIri(handle).toString();
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // The row triggers (hashtags to post_tag, reactions waiting for their post) have nothing to do for these
            // rows, and the foreign keys hold by construction: both are skipped for the bulk insert.
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO remote_actor (iri, host, type, preferred_username, inbox, raw)"
                    + " SELECT 'https://h' || (g % 50) || '.authors.example/users/u' || g, 'h' || (g % 50) || '.authors.example', 'Person',"
                    + " 'u' || g, 'https://h' || (g % 50) || '.authors.example/users/u' || g || '/inbox', '{}' FROM generate_series(0, " + (authors - 1) + ") g");
            s.execute("INSERT INTO account (remote_actor_id, iri) SELECT id, iri FROM remote_actor WHERE host LIKE '%.authors.example'");
            s.execute("CREATE TEMP TABLE bench_author AS SELECT (regexp_replace(a.iri, '.*/u', ''))::int AS n, a.id, a.iri, r.host"
                    + " FROM account a JOIN remote_actor r ON r.id = a.remote_actor_id WHERE r.host LIKE '%.authors.example'");
            s.execute("CREATE UNIQUE INDEX ON bench_author (n)");
            try (PreparedStatement f = c.prepareStatement("INSERT INTO follow (follower, followee, follower_id, followee_id, activity_iri, state)"
                    + " SELECT ?, iri, ?, id, ? || '#follows/' || n, 'accepted' FROM bench_author WHERE n < ?")) {
                f.setString(1, meIri);
                f.setLong(2, me);
                f.setString(3, meIri);
                f.setInt(4, follows);
                f.executeUpdate();
            }
            long nowMs = System.currentTimeMillis() - 60_000;
            String id = "(((" + nowMs + " - (" + posts + " - %s)::bigint * 30000) << 16) | (%s & 65535))";
            String audience = "CASE WHEN g % 10 < 6 OR g % 20 = 0 THEN jsonb_build_object('to', jsonb_build_array('" + PUBLIC + "'), 'cc', jsonb_build_array(a.iri || '/followers'))"
                    + " WHEN g % 10 < 8 THEN jsonb_build_object('to', jsonb_build_array(a.iri || '/followers'), 'cc', jsonb_build_array('" + PUBLIC + "'))"
                    + " WHEN g % 10 = 8 THEN jsonb_build_object('to', jsonb_build_array(a.iri || '/followers'))"
                    + " ELSE jsonb_build_object('to', jsonb_build_array('https://elsewhere.example/users/someone')) END";
            s.execute("INSERT INTO post (id, iri, author_id, author_iri, kind, visibility, audience, content, origin_host, published, reblog_of_id, url)"
                    + " SELECT " + id.formatted("g", "g") + ", a.iri || '/statuses/' || g, a.id, a.iri,"
                    + " CASE WHEN g % 20 = 0 AND g > 97 THEN 'boost' ELSE 'note' END,"
                    + " CASE WHEN g % 10 < 6 OR g % 20 = 0 THEN 'public' WHEN g % 10 < 8 THEN 'unlisted' WHEN g % 10 = 8 THEN 'followers' ELSE 'direct' END,"
                    + audience + ", CASE WHEN g % 20 = 0 AND g > 97 THEN '{}'::jsonb ELSE jsonb_build_object('und', '<p>Beitrag ' || g || ' aus ' || a.host || '</p>') END,"
                    + " a.host, to_timestamp((" + nowMs + " - (" + posts + " - g)::bigint * 30000) / 1000.0),"
                    + " CASE WHEN g % 20 = 0 AND g > 97 THEN " + id.formatted("(g - 97)", "(g - 97)") + " END, a.iri || '/statuses/' || g"
                    + " FROM generate_series(1, " + posts + ") g JOIN bench_author a ON a.n = g % " + authors);
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("ANALYZE");
        }
    }

    static String dataDirectory(TestNode node) throws SQLException {
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * EXPLAIN ANALYZE of the follow counts AccountFactsStore reads per author, for the authors of the first page's
     * posts (as its SELECT has them: correlated subqueries for a.id = ANY(?)).
     */
    static List<String> explainAuthorCounts(TestNode node, String handle) throws SQLException {
        long me = account(node, handle);
        String sql = "EXPLAIN ANALYZE SELECT a.id, (SELECT count(*) FROM follow f WHERE f.followee_id = a.id AND f.state = 'accepted') AS followers,"
                + " (SELECT count(*) FROM follow f WHERE f.follower_id = a.id AND f.state = 'accepted') AS following FROM account a"
                + " WHERE a.id = ANY(ARRAY(SELECT DISTINCT author_id FROM (SELECT author_id" + followedPostsWhere(me) + " ORDER BY id DESC LIMIT 20) x))";
        List<String> plan = new ArrayList<>();
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) plan.add(rs.getString(1));
        }
        return plan;
    }

    /** Per table: sequential scans, rows they read, rows fetched through indexes (pg_stat_user_tables). */
    static java.util.Map<String, long[]> tableReads(TestNode node) throws SQLException {
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (var rs = s.executeQuery("SELECT relname, seq_scan, seq_tup_read, coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables")) {
                while (rs.next()) out.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        return out;
    }

    static long account(TestNode node, String handle) {
        return node.count("SELECT a.id FROM account a JOIN actor ON actor.id = a.local_actor_id WHERE actor.handle = '" + handle + "'");
    }

    private static String followedPostsWhere(long me) {
        return " FROM post WHERE author_id IN (SELECT followee_id FROM follow WHERE follower_id = " + me + " AND state = 'accepted')";
    }

    static long followedPosts(TestNode node, String handle) {
        return node.count("SELECT count(*)" + followedPostsWhere(account(node, handle)));
    }

    /** Ids of posts by followed accounts at these fractions of the way down (0.5: half of them are newer). */
    static List<String> depths(TestNode node, String handle, List<Double> fractions) {
        long me = account(node, handle);
        long all = followedPosts(node, handle);
        List<String> ids = new ArrayList<>();
        for (double f : fractions) {
            ids.add(Long.toString(node.count("SELECT id" + followedPostsWhere(me) + " ORDER BY id DESC OFFSET " + (long) (all * f) + " LIMIT 1")));
        }
        return ids;
    }

    /** EXPLAIN ANALYZE of the home query as TimelineStore.home builds it for a viewer with no lists, tags or hidden accounts. */
    static List<String> explainHome(TestNode node, String handle) throws SQLException {
        long me = account(node, handle);
        String iri = node.actorIri(handle).toString();
        String followed = "SELECT followee_id FROM follow WHERE follower_id = " + me + " AND state = 'accepted'";
        String visible = "%1$s.deleted IS NULL AND (%1$s.visibility IN ('public', 'unlisted') OR %1$s.author_id = " + me
                + " OR (%1$s.visibility = 'followers' AND EXISTS (SELECT 1 FROM follow WHERE follower_id = " + me
                + " AND followee_id = %1$s.author_id AND state = 'accepted'))"
                + " OR %1$s.audience @> jsonb_build_object('to', jsonb_build_array('" + iri + "'::text))"
                + " OR %1$s.audience @> jsonb_build_object('cc', jsonb_build_array('" + iri + "'::text))"
                + " OR '" + iri + "' = ANY(%1$s.mentions))";
        String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT post.id FROM post WHERE (post.author_id = " + me
                + " OR (post.reblog_of_id IS NULL AND post.author_id IN (" + followed + "))"
                + " OR (post.reblog_of_id IS NOT NULL AND post.author_id IN (" + followed + " AND show_reblogs)))"
                + " AND " + visible.formatted("post")
                + " AND (post.reblog_of_id IS NULL OR EXISTS (SELECT 1 FROM post boosted WHERE boosted.id = post.reblog_of_id AND "
                + visible.formatted("boosted") + ")) ORDER BY post.id DESC LIMIT 20";
        List<String> plan = new ArrayList<>();
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) plan.add(rs.getString(1));
        }
        return plan;
    }
}
