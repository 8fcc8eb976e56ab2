package de.allmende.bench;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.service.search.SearchText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A coordinator's aggregate written straight into the tables, as backfill and the search-index consumer leave them:
 * per item a post (with its ActivityStreams object, public, from the municipality's host), its provenance
 * ({@code aggregated_item}), its search document and its hashtags ({@code post_tag}); some likes and boosts. The
 * documents' {@code terms} are made by the product's own preparation ({@link SearchText#indexed}: folding, German
 * compound parts) and the same {@code to_tsvector}/{@code setweight} as {@code SearchIndexStore.save}, once per
 * distinct title and body of {@link AggregatedTexts}, then concatenated per item as the indexer's
 * {@code title || summary || body} are (events also with their place and town).
 *
 * <p>Items are published 150 s apart over the last 4.75 years (ids are snowflakes of that time); kinds 35 % notes,
 * 12 % projects, 13 % updates, 15 % events, 10 % lessons, 7 % working aids, 5 % articles, 1.5 % pages, 1.5 % polls;
 * small municipalities write less than big ones; events start 1 to 60 days after they are announced, 30 % online.
 */
final class CoordinatorRows {
    private static final String KIND = "CASE WHEN r1 < 0.35 THEN 'note' WHEN r1 < 0.47 THEN 'project' WHEN r1 < 0.60 THEN 'update'"
            + " WHEN r1 < 0.75 THEN 'event' WHEN r1 < 0.85 THEN 'lesson' WHEN r1 < 0.92 THEN 'aid' WHEN r1 < 0.97 THEN 'article'"
            + " WHEN r1 < 0.985 THEN 'page' ELSE 'question' END";
    private static final String POST_KIND = "CASE i.kind WHEN 'update' THEN 'project_update' WHEN 'aid' THEN 'working_aid' ELSE i.kind END";
    private static final int BODIES = 6000;
    private static final String TABLES = "'post', 'ap_object', 'search_document', 'aggregated_item', 'post_tag', 'reaction'";

    private CoordinatorRows() {}

    static void fill(Connection c, long coordinatorId, int items, int municipalities) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Row triggers (accounts for actors, tags, reactions waiting for their post) are done here by hand, and the
            // foreign keys hold by construction: both are skipped, and the indexes built once after the rows are in.
            s.execute("SET session_replication_role = replica");
            s.execute("SET maintenance_work_mem = '256MB'");
            NetworkMunicipalities.write(c, coordinatorId, municipalities);
            texts(c);
            s.execute("SELECT setseed(0.42)");
            String fields = "(ARRAY[" + codes(Handlungsfeld.values()) + "])";
            // r5 picks the first field of action, r6 whether there is a second (always another one) and the openness
            s.execute("CREATE TEMP TABLE bench_item AS SELECT y.*, ((extract(epoch FROM published) * 1000)::bigint << 16) | (g & 65535) AS id,"
                    + " CASE WHEN c.n IS NULL THEN NULL ELSE floor(r3 * c.n)::int END AS t, floor(r4 * " + BODIES + ")::int AS b,"
                    + " CASE WHEN r6 < 0.6 THEN ARRAY[" + fields + "[1 + f1]]"
                    + "   ELSE ARRAY[" + fields + "[1 + f1], " + fields + "[1 + (f1 + 1 + floor(r6 * 10)::int) % 11]] END AS fields,"
                    + " CASE WHEN r6 < 0.5 THEN '{}' ELSE ARRAY[(ARRAY[" + codes(Offenheit.values()) + "])[1 + floor(r6 * 16)::int % 8]] END AS openness,"
                    + " CASE WHEN kind IN ('project', 'update') THEN (ARRAY[" + codes(ProjectStatus.values()) + "])[1 + floor(r7 * 5)::int] END AS status,"
                    + " CASE WHEN kind = 'lesson' THEN (ARRAY[" + codes(LessonType.values()) + "])[1 + floor(r7 * 4)::int] END AS lesson,"
                    + " CASE WHEN kind = 'event' THEN date_trunc('day', published) + ((1 + floor(r7 * 60)) || ' days 16 hours')::interval END AS starts"
                    + " FROM (SELECT g, " + KIND + " AS kind, floor(" + municipalities + " * power(r2, 1.6))::int AS m, r3, r4, r5, r6, r7,"
                    + "   floor(r5 * 18)::int % 11 AS f1, now() - ((" + items + " - g) * 150 || ' seconds')::interval AS published"
                    + "   FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7"
                    + "         FROM generate_series(1, " + items + ") g) x) y"
                    + " LEFT JOIN (SELECT kind AS titled, count(*) AS n FROM bench_title GROUP BY kind) c ON c.titled = y.kind AND y.kind NOT IN ('note', 'question')");
            s.execute("CREATE INDEX ON bench_item (g)");
            s.execute("ANALYZE bench_item");
            List<String> indexes = dropIndexes(s);
            items(s);
            for (String index : indexes) s.execute(index);
            s.execute("SELECT setval(pg_get_serial_sequence('ap_object', 'id'), (SELECT max(id) FROM ap_object))");
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** The distinct titles and bodies with their weighted {@code terms}, prepared as the indexer prepares them. */
    private static void texts(Connection c) throws SQLException {
        pool(c, "bench_title", AggregatedTexts.titles(400, 1), 'A');
        pool(c, "bench_body", AggregatedTexts.bodies(BODIES, 2), 'C');
    }

    private static void pool(Connection c, String table, List<AggregatedTexts.Text> texts, char weight) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE " + table + " (kind text, i int, language text, plain text, html text, indexed text, terms tsvector)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (kind, i, language, plain, html, indexed) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AggregatedTexts.Text text : texts) {
                p.setString(1, text.kind());
                p.setInt(2, text.index());
                p.setString(3, text.language());
                p.setString(4, text.plain());
                p.setString(5, text.html());
                p.setString(6, SearchText.indexed(text.plain(), text.language().equals("de")));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            String config = "CASE language WHEN 'en' THEN 'english'::regconfig ELSE 'german'::regconfig END";
            s.execute("UPDATE " + table + " SET terms = setweight(to_tsvector(" + config + ", indexed), '" + weight + "')");
            s.execute("CREATE INDEX ON " + table + " (kind, i)");
        }
    }

    private static void items(Statement s) throws SQLException {
        String title = "LEFT JOIN bench_title t ON t.kind = i.kind AND t.i = i.t";
        String from = " FROM bench_item i JOIN bench_muni m ON m.m = i.m " + title + " JOIN bench_body b ON b.kind = 'any' AND b.i = i.b";
        String iri = "m.iri || '/objects/' || i.g";
        String tags = "ARRAY(SELECT h FROM unnest(i.fields) f JOIN (VALUES " + hashtags() + ") v(code, h) ON v.code = f)";
        String event = "CASE WHEN i.kind = 'event' THEN jsonb_build_object('start', to_char(i.starts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                + " 'end', to_char((i.starts + interval '2 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'timeZone', 'Europe/Berlin')"
                + " || CASE WHEN i.r6 < 0.3 THEN jsonb_build_object('onlineUrl', 'https://' || m.host || '/meet/' || i.g)"
                + "    ELSE jsonb_build_object('placeName', 'Bürgerhaus', 'locality', m.name) END END";
        s.execute("INSERT INTO ap_object (id, iri, type, attributed_to, raw, published) OVERRIDING SYSTEM VALUE"
                + " SELECT i.g, " + iri + ", CASE i.kind WHEN 'event' THEN 'Event' WHEN 'note' THEN 'Note' WHEN 'question' THEN 'Question'"
                + " ELSE 'Article' END, m.iri, jsonb_build_object('id', " + iri + ", 'attributedTo', m.iri, 'name', t.plain,"
                + " 'content', b.html, 'contentMap', jsonb_build_object(b.language, b.html), 'fieldOfAction', to_jsonb(i.fields),"
                + " 'openness', to_jsonb(i.openness), 'projectStatus', i.status, 'lessonType', i.lesson,"
                + " 'to', jsonb_build_array('https://www.w3.org/ns/activitystreams#Public'), 'published', i.published) || coalesce(" + event
                + ", '{}'), i.published" + from);
        s.execute("INSERT INTO post (id, iri, author_id, author_iri, object_id, kind, visibility, audience, name, content, hashtags, event,"
                + " url, origin_host, proof_verified, published) SELECT i.id, " + iri + ", m.account_id, m.iri, i.g, " + POST_KIND + ", 'public',"
                + " jsonb_build_object('to', jsonb_build_array('https://www.w3.org/ns/activitystreams#Public'), 'cc', jsonb_build_array(m.iri || '/followers')),"
                + " CASE WHEN t.plain IS NULL THEN '{}' ELSE jsonb_build_object(t.language, t.plain) END, jsonb_build_object(b.language, b.html),"
                + " " + tags + ", " + event + ", " + iri + ", m.host, i.r7 < 0.85, i.published" + from);
        s.execute("INSERT INTO post_tag (name, post_id) SELECT DISTINCT lower(h), p.id FROM post p, unnest(p.hashtags) h WHERE p.origin_host LIKE 'kommunen%'");
        s.execute("INSERT INTO aggregated_item (object_iri, origin_host, attributed_to, proof_status, proof_key, via, first_fetched, last_fetched)"
                + " SELECT " + iri + ", m.host, m.iri, CASE WHEN i.r7 < 0.85 THEN 'verified' ELSE 'absent' END,"
                + " CASE WHEN i.r7 < 0.85 THEN m.iri || '#ed25519-key' END, CASE WHEN i.g % 10 = 0 THEN 'delivery' ELSE 'backfill' END,"
                + " i.published, i.published FROM bench_item i JOIN bench_muni m ON m.m = i.m");
        String place = "CASE WHEN i.kind = 'event' AND i.r6 >= 0.3 THEN setweight(to_tsvector('german', 'buergerhaus buerger haus ' || m.place), 'C')"
                + " ELSE ''::tsvector END";
        s.execute("INSERT INTO search_document (post_id, kind, language, title, text, terms, fields, openness, land, size_class, project_status,"
                + " lesson_type, year, account_id, municipality, municipality_name, url, published)"
                + " SELECT i.id, i.kind, b.language, coalesce(t.plain, ''), b.plain, coalesce(t.terms, ''::tsvector) || b.terms || " + place + ","
                + " i.fields, i.openness, m.land, m.size_class, i.status, i.lesson,"
                + " extract(year FROM coalesce(i.starts, i.published) AT TIME ZONE 'Europe/Berlin')::int, m.account_id,"
                + " m.username || '@' || m.host, m.name, " + iri + ", i.published" + from);
        // Likes and boosts by members of each other's items (the dashboard's "most liked/boosted").
        s.execute("INSERT INTO reaction (kind, actor, object_iri, activity_iri, account_id, post_id, created)"
                + " SELECT CASE WHEN r.g % 5 = 0 THEN 'announce' ELSE 'like' END, m.iri, p.iri, m.iri || '/reactions/' || r.g, m.account_id, p.id, p.published"
                + " FROM generate_series(1, 50000) r(g) JOIN bench_muni m ON m.m = r.g % (SELECT count(*) FROM bench_muni)"
                + " JOIN bench_item i ON i.g = 1 + (r.g::bigint * 7919 * (1 + r.g % 3)) % (SELECT count(*) FROM bench_item) JOIN post p ON p.id = i.id"
                + " ON CONFLICT DO NOTHING");
    }

    /** Drops the indexes of the item tables that back no constraint, returning their definitions to build them again. */
    private static List<String> dropIndexes(Statement s) throws SQLException {
        List<String> definitions = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        try (var rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename IN ("
                + TABLES + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        for (String name : names) s.execute("DROP INDEX " + name);
        return definitions;
    }

    private static String codes(de.allmende.content.vocab.Vocabulary[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> "'" + v.code() + "'").toList());
    }

    private static String hashtags() {
        return String.join(", ", Arrays.stream(Handlungsfeld.values()).map(h -> "('" + h.code() + "', '" + h.hashtag() + "')").toList());
    }
}
