package de.allmende.federation.inbox;

import de.allmende.testkit.TestNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows inbound activities write, and whether each new one is owed to a request the node accepted
 * (finding 10: a refused request writes nothing). A row is owed if its IRI appears in an accepted body
 * — refused probes carry ids of their own, so their rows cannot pass for someone else's — or, for an id
 * the node derives itself ({@code <actor>#sha256-<hash>}), if the hash is that of an accepted body.
 */
final class RowLedger {
    private static final Pattern IRI = Pattern.compile("https?://[^\"\\s\\\\<>]+");
    private static final Pattern DERIVED = Pattern.compile("#sha256-([0-9a-f]{64})$");
    private static final List<Charset> DECODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
            Charset.forName("UTF-32"));
    /** table → query of the IRIs that make a row owed (any one suffices), for rows after the mark. */
    private static final Map<String, String> OWED_BY = new LinkedHashMap<>();

    static {
        OWED_BY.put("inbox_item", "SELECT activity_iri FROM inbox_item WHERE id > ?");
        // Our own activities (the Accept of a Follow) are owed to the activity they answer.
        OWED_BY.put("activity", "SELECT iri, CASE WHEN local_actor_id IS NOT NULL THEN object_iri END FROM activity WHERE id > ?");
        OWED_BY.put("ap_object", "SELECT iri FROM ap_object WHERE id > ?");
        OWED_BY.put("follow", "SELECT activity_iri FROM follow WHERE id > ?");
        OWED_BY.put("reaction", "SELECT activity_iri FROM reaction WHERE id > ?");
        OWED_BY.put("remote_actor", "SELECT iri FROM remote_actor WHERE id > ?");
        OWED_BY.put("report", "SELECT iri FROM report WHERE id > ?"); // a received Flag's reports
    }

    private final Map<String, Long> marks;
    private final Set<String> keysBefore;

    private RowLedger(Map<String, Long> marks, Set<String> keysBefore) {
        this.marks = marks;
        this.keysBefore = keysBefore;
    }

    /** Remembers where each table stands. */
    static RowLedger mark(TestNode node) {
        Map<String, Long> marks = new LinkedHashMap<>();
        for (String table : OWED_BY.keySet()) marks.put(table, node.count("SELECT coalesce(max(id), 0) FROM " + table));
        return new RowLedger(marks, new HashSet<>(strings(node, "SELECT key_id FROM remote_key", null)));
    }

    /** New rows per table, as text for the report. */
    Map<String, Integer> newRows(TestNode node) {
        Map<String, Integer> out = new LinkedHashMap<>();
        OWED_BY.forEach((table, sql) -> out.put(table, rows(node, sql, marks.get(table)).size()));
        out.put("remote_key", newKeys(node).size());
        return out;
    }

    /** The new rows owed to no accepted request: "table: iri". */
    List<String> unowed(TestNode node, List<byte[]> acceptedBodies) {
        Owed owed = new Owed(acceptedBodies);
        List<String> out = new ArrayList<>();
        OWED_BY.forEach((table, sql) -> {
            for (String[] row : rows(node, sql, marks.get(table))) {
                if (!owed.any(row)) out.add(table + ": " + String.join(" / ", row));
            }
        });
        for (String[] key : newKeys(node)) if (!owed.any(new String[]{key[1]})) out.add("remote_key: " + key[0] + " of " + key[1]);
        return out;
    }

    private List<String[]> newKeys(TestNode node) {
        return rows(node, "SELECT key_id, owner FROM remote_key", null).stream().filter(k -> !keysBefore.contains(k[0])).toList();
    }

    /** Every IRI in the accepted bodies, and the hashes of the bodies. */
    private static final class Owed {
        final Set<String> iris = new HashSet<>();
        final Set<String> hashes = new HashSet<>();

        Owed(List<byte[]> bodies) {
            for (byte[] body : bodies) {
                hashes.add(sha256(body));
                for (Charset c : DECODINGS) {
                    Matcher m = IRI.matcher(new String(body, c));
                    while (m.find()) iris.add(m.group());
                }
            }
        }

        boolean any(String[] row) {
            for (String iri : row) {
                if (iri == null) continue;
                if (iris.contains(iri) || iris.contains(iri.strip())) return true;
                Matcher derived = DERIVED.matcher(iri);
                if (derived.find() && hashes.contains(derived.group(1))) return true;
            }
            return false;
        }
    }

    private static List<String[]> rows(TestNode node, String sql, Long after) {
        try (Connection c = node.node().services().db.dataSource().getConnection();
             var st = c.prepareStatement(sql)) {
            if (after != null) st.setLong(1, after);
            try (ResultSet rs = st.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) row[i] = rs.getString(i + 1);
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<String> strings(TestNode node, String sql, Long after) {
        return rows(node, sql, after).stream().map(r -> r[0]).toList();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
