package de.allmende.db.queue;

import de.allmende.db.Database;
import de.allmende.testkit.TestDatabase;

/**
 * A queue table of the shape every queue here has (plus a lane, a kind and a result code), in a fresh database of
 * its own, for tests of the queue machinery without the node's tables around it.
 */
final class ScratchQueue implements AutoCloseable {
    final Database db;
    private final String table;

    ScratchQueue(String table) {
        this.table = table;
        this.db = Database.connect(TestDatabase.fresh(), null);
        db.dsl().execute("CREATE TABLE " + table + """
                 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, lane text NOT NULL, kind text NOT NULL DEFAULT '',
                  attempts integer NOT NULL DEFAULT 0, next_attempt timestamptz NOT NULL DEFAULT now(), lease_until timestamptz,
                  done timestamptz, failed timestamptz, last_status integer, last_error text)""");
    }

    void empty() {
        db.dsl().execute("TRUNCATE " + table);
    }

    void add(String lane, String kind) {
        db.dsl().execute("INSERT INTO " + table + " (lane, kind) VALUES (?, ?)", lane, kind);
    }

    @Override
    public void close() {
        db.close();
    }
}
