package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.testkit.TestDatabase;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit: each activity learns whether it was new, and a row PostgreSQL refuses fails alone. */
class InboxBatcherTest {

    @Test
    void newDuplicateAndRefusedRowsInOneBatch() throws Exception {
        try (Database db = Database.connect(TestDatabase.fresh(), null); InboxBatcher batcher = new InboxBatcher(db)) {
            assertTrue(batcher.submit("https://a.example/1", "https://a.example/actor", "{\"n\":1}", "a.example").get(10, TimeUnit.SECONDS));
            // Submitted together, so they most likely share one commit; the outcome must not depend on that.
            CompletableFuture<Boolean> again = batcher.submit("https://a.example/1", "https://a.example/actor", "{\"n\":1}", "a.example");
            CompletableFuture<Boolean> refused = batcher.submit("https://a.example/2", "https://a.example/actor", "{not json", "a.example");
            CompletableFuture<Boolean> fresh = batcher.submit("https://a.example/3", "https://a.example/actor", "{\"n\":3}", "a.example");
            CompletableFuture<Boolean> twice = batcher.submit("https://a.example/3", "https://a.example/actor", "{\"n\":3}", "a.example");

            assertFalse(again.get(10, TimeUnit.SECONDS));
            assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
            assertTrue(fresh.get(10, TimeUnit.SECONDS) ^ twice.get(10, TimeUnit.SECONDS), "one of two equal ids is new");
            assertEquals(2, db.dsl().fetchCount(DSL.table("inbox_item")));
        }
    }
}
