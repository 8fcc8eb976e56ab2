package de.allmende.service.events;

import de.allmende.config.DatabaseSettings;
import de.allmende.db.Database;
import de.allmende.domain.event.Consumer;
import de.allmende.domain.event.PostEvent.PostCreated;
import de.allmende.store.EventStore;
import de.allmende.testkit.TestDatabase;
import de.allmende.testkit.TestNode;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers that take their event jobs in batches (the search index, streaming, notifications, topic groups): a batch
 * is claimed, applied and marked done in one transaction, so a process that dies in the middle of one leaves nothing
 * half done and loses nothing, two processes never apply one job at once, and one bad event does not hold up the
 * others. Here the search-index consumer is a recorder that writes, in the batch's transaction, which process applied
 * which event; two "processes" are two connection pools with a worker each on one database.
 */
@DisplayName("Batched event consumers")
class EventBatchesTest {
    private static final String SEEN = "CREATE TABLE seen (event_id bigint NOT NULL, process text NOT NULL)";

    @Test
    @DisplayName("two processes apply every job exactly once, in batches")
    void twoProcessesApplyEveryJobOnce() {
        DatabaseSettings settings = TestDatabase.fresh();
        try (Database db = Database.connect(settings, null); Database otherProcess = Database.connect(settings, null)) {
            db.dsl().execute(SEEN);
            int events = 600;
            record(db, events);
            try (EventWorker first = worker(db.relaxedCommits(), recorder("first"));
                 EventWorker second = worker(otherProcess, recorder("second"))) {
                TestNode.await("every search-index job done", Duration.ofSeconds(60), () -> pending(db) == 0);
            }
            assertEquals(events, count(db, "SELECT count(*) FROM seen"), "each event applied once");
            assertEquals(events, count(db, "SELECT count(DISTINCT event_id) FROM seen"));
            assertEquals(events, count(db, "SELECT count(*) FROM event_job WHERE consumer = 'search-index' AND done IS NOT NULL AND attempts = 1"),
                    "each job claimed once and done");
            assertTrue(count(db, "SELECT count(*) FROM event_job WHERE consumer = 'streaming' AND done IS NOT NULL") == events,
                    "the other batched consumers' jobs are done as well");
        }
    }

    @Test
    @DisplayName("a process that dies in the middle of a batch leaves nothing of it, and another process does all of it")
    void aCrashInTheMiddleOfABatchLosesNothing() throws Exception {
        DatabaseSettings settings = TestDatabase.fresh();
        try (Database db = Database.connect(settings, null); Database dyingPool = Database.connect(settings, null)) {
            aCrashInTheMiddleOfABatchLosesNothing(db, dyingPool);
        }
    }

    private static void aCrashInTheMiddleOfABatchLosesNothing(Database db, Database dyingPool) throws Exception {
        db.dsl().execute(SEEN);
        int events = 150;
        record(db, events);
        AtomicInteger backend = new AtomicInteger();
        CountDownLatch midBatch = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        EventWorker.BatchHandler dying = (tx, batch) -> {
            recorder("dying").apply(tx, batch.subList(0, batch.size() / 2)); // half of the batch written …
            backend.set(((Number) tx.fetchValue("SELECT pg_backend_pid()")).intValue());
            midBatch.countDown();
            try {
                never.await(); // … and then the process stops answering
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        EventWorker dyingWorker = worker(dyingPool, dying);
        try {
            assertTrue(midBatch.await(30, java.util.concurrent.TimeUnit.SECONDS), "a batch under way");
            // The process dies: PostgreSQL ends its session and rolls back what its batch wrote.
            db.dsl().fetch("SELECT pg_terminate_backend(?)", backend.get());
            assertEquals(0, count(db, "SELECT count(*) FROM seen"), "nothing of the batch is left");
            try (EventWorker survivor = worker(db.relaxedCommits(), recorder("survivor"))) {
                TestNode.await("every search-index job done", Duration.ofSeconds(60), () -> pending(db) == 0);
            }
        } finally {
            never.countDown();
            dyingWorker.close();
        }
        assertEquals(events, count(db, "SELECT count(*) FROM seen WHERE process = 'survivor'"), "every event applied by the survivor");
        assertEquals(events, count(db, "SELECT count(*) FROM seen"), "and by nobody else");
        assertEquals(events, count(db, "SELECT count(DISTINCT event_id) FROM seen"));
    }

    @Test
    @DisplayName("one bad event fails alone; the others of its batch are done")
    void oneBadEventFailsAlone() {
        try (Database db = Database.connect(TestDatabase.fresh(), null)) {
            oneBadEventFailsAlone(db);
        }
    }

    private static void oneBadEventFailsAlone(Database db) {
        db.dsl().execute(SEEN);
        List<Long> ids = record(db, 30);
        long bad = ids.get(7);
        EventWorker.BatchHandler recorder = recorder("only");
        EventWorker.BatchHandler picky = (tx, batch) -> {
            if (batch.stream().anyMatch(r -> r.eventId() == bad)) throw new IllegalStateException("cannot index event " + bad);
            recorder.apply(tx, batch);
        };
        try (EventWorker worker = worker(db.relaxedCommits(), picky)) {
            TestNode.await("every search-index job done or failed", Duration.ofSeconds(60), () -> pending(db) == 0);
        }
        assertEquals(29, count(db, "SELECT count(*) FROM seen"), "every other event applied");
        assertEquals(0, count(db, "SELECT count(*) FROM seen WHERE event_id = " + bad));
        assertEquals(1, count(db, "SELECT count(*) FROM event_job WHERE consumer = 'search-index' AND failed IS NOT NULL AND event_id = " + bad
                + " AND last_error LIKE '%cannot index%'"), "the bad one failed, with its reason");
    }

    /** Records {@code n} post events with their jobs, as a use case does; returns their ids. */
    private static List<Long> record(Database db, int n) {
        EventStore store = new EventStore();
        return db.dsl().transactionResult(cfg -> java.util.stream.IntStream.range(0, n).mapToObj(i -> store.record(cfg.dsl(),
                new PostCreated(URI.create("https://amt.example/users/amt"), URI.create("https://amt.example/notes/" + i), "Note"))).toList());
    }

    private static EventWorker.BatchHandler recorder(String process) {
        return (DSLContext tx, List<EventWorker.Recorded> batch) -> {
            for (EventWorker.Recorded r : batch) tx.execute("INSERT INTO seen (event_id, process) VALUES (?, ?)", r.eventId(), process);
        };
    }

    /** A worker with {@code searchIndex} as the search-index consumer and nothing to do for the others. */
    private static EventWorker worker(Database db, EventWorker.BatchHandler searchIndex) {
        EventWorker.BatchHandler nothing = (tx, batch) -> { };
        EventWorker worker = new EventWorker(db, Duration.ofSeconds(30));
        for (Consumer c : Consumer.values()) worker.on(c, event -> { });
        return worker.onBatch(Consumer.SEARCH_INDEX, searchIndex).onBatch(Consumer.STREAMING, nothing).start();
    }

    private static long pending(Database db) {
        return count(db, "SELECT count(*) FROM event_job WHERE consumer = 'search-index' AND done IS NULL AND failed IS NULL");
    }

    private static long count(Database db, String sql) {
        return ((Number) db.dsl().fetchValue(sql)).longValue();
    }
}
