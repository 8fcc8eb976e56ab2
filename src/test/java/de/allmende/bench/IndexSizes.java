package de.allmende.bench;

import de.allmende.testkit.TestNode;

import java.sql.Connection;
import java.sql.Statement;

/** What the coordinator's tables take on disk, in all and per aggregated item (tables with TOAST and indexes). */
final class IndexSizes {
    private IndexSizes() {}

    static void print(TestNode node, long items) throws Exception {
        try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT t.relname, pg_table_size(t.oid), pg_indexes_size(t.oid), pg_total_relation_size(t.oid),
                            coalesce((SELECT string_agg(i.relname || ' ' || pg_size_pretty(pg_relation_size(i.oid)), ', ' ORDER BY i.relname)
                                      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = t.oid), '')
                     FROM pg_class t WHERE t.relkind = 'r' AND t.relnamespace = 'public'::regnamespace
                       AND t.relname IN ('search_document', 'aggregated_item', 'post', 'ap_object', 'post_tag')
                     ORDER BY t.relname""")) {
            while (rs.next()) {
                System.out.printf("  %-16s table %,7.1f MB, indexes %,7.1f MB, total %,7.1f MB = %,5.0f bytes per item (%s)%n", rs.getString(1),
                        rs.getLong(2) / 1e6, rs.getLong(3) / 1e6, rs.getLong(4) / 1e6, (double) rs.getLong(4) / items, rs.getString(5));
            }
        }
    }
}
