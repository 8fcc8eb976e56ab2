package de.allmende.db;

import de.allmende.testkit.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Transactions through the lean provider: commit, rollback, savepoints for nested ones, connections returned. */
class LeanTransactionProviderTest {
    private Database db;
    private DSLContext dsl;

    @BeforeEach
    void setUp() {
        db = Database.connect(TestDatabase.fresh(), null);
        dsl = db.dsl();
        dsl.execute("CREATE TABLE tx_probe (v int)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void commitsWhatReturnsAndRollsBackWhatThrows() {
        dsl.transaction(cfg -> cfg.dsl().execute("INSERT INTO tx_probe VALUES (1)"));
        assertThrows(IllegalStateException.class, () -> dsl.transaction(cfg -> {
            cfg.dsl().execute("INSERT INTO tx_probe VALUES (2)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(1, count());
    }

    @Test
    void nestedTransactionsRollBackToTheirSavepointOnly() {
        dsl.transaction(cfg -> {
            cfg.dsl().execute("INSERT INTO tx_probe VALUES (1)");
            assertThrows(IllegalStateException.class, () -> cfg.dsl().transaction(inner -> {
                inner.dsl().execute("INSERT INTO tx_probe VALUES (2)");
                throw new IllegalStateException("inner");
            }));
            cfg.dsl().transaction(inner -> inner.dsl().execute("INSERT INTO tx_probe VALUES (3)"));
        });
        assertEquals(2, count());
        assertEquals(4, ((Number) dsl.fetchValue("SELECT sum(v) FROM tx_probe")).intValue());
    }

    @Test
    void aFailingStatementRollsBackAndTheConnectionsGoBackToThePool() {
        for (int i = 0; i < 20; i++) { // more than the pool's 4 connections
            assertThrows(RuntimeException.class, () -> dsl.transaction(cfg -> cfg.dsl().execute("INSERT INTO no_such_table VALUES (1)")));
            dsl.transaction(cfg -> cfg.dsl().execute("INSERT INTO tx_probe VALUES (1)"));
        }
        assertEquals(20, count());
    }

    private int count() {
        return dsl.fetchCount(DSL.table("tx_probe"));
    }
}
