package de.allmende.federation.inbox;

import de.allmende.db.Database;
import de.allmende.federation.vocab.CreateActivity;
import de.allmende.testkit.TestDatabase;
import de.allmende.testkit.TestNode;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing acknowledged is lost: an activity whose handler meets trouble in our own database (here: a full
 * connection pool, as seen in the soak run) is applied again later, not marked failed.
 */
@DisplayName("inbox worker: our database's trouble is retried, not held against the activity")
class InboxWorkerRetryTest {

    @Test
    void aDatabaseErrorIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ActivityRouter router = new ActivityRouter().on(CreateActivity.class, create -> {
            if (calls.incrementAndGet() == 1) throw new DataAccessException("Connection is not available, request timed out");
        });
        try (Database db = Database.connect(TestDatabase.fresh(), null); InboxBatcher batcher = new InboxBatcher(db)) {
            batcher.submit("https://a.example/1", "https://a.example/actor",
                    "{\"id\":\"https://a.example/1\",\"type\":\"Create\",\"actor\":\"https://a.example/actor\"}", "a.example")
                    .get(10, TimeUnit.SECONDS);
            try (InboxWorker worker = new InboxWorker(db, router, 0.05).start()) {
                TestNode.await("applied on the second attempt", () -> db.dsl().fetchCount(DSL.table("inbox_item"),
                        DSL.field("processed").isNotNull()) == 1);
            }
            assertEquals(2, calls.get());
            assertTrue(db.dsl().fetchCount(DSL.table("inbox_item"), DSL.field("failed").isNotNull()) == 0);
        }
    }
}
