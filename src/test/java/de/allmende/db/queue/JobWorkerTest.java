package de.allmende.db.queue;

import de.allmende.db.Database;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one job worker, as inbox, events and delivery use it: what a handler's outcome becomes in the queue, and
 * jobs that the admission does not let in now wait in the table, not in memory.
 */
@DisplayName("job worker: outcomes and admission")
class JobWorkerTest {
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), 1, Duration.ofMillis(50), 3);
    private static ScratchQueue queue;
    private static Database db;

    record Task(long id, String lane, String kind, int attempts) implements Job {
        @Override
        public String describe() {
            return kind + " " + id;
        }
    }

    private static final LeasedQueue<Task> QUEUE = new LeasedQueue<>(
            new LeasedQueue.Shape("task", "done", "id, lane, kind, attempts", "id", "lane", "last_status"),
            rs -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)), Task::id);

    @BeforeAll
    static void table() {
        queue = new ScratchQueue("task");
        db = queue.db;
    }

    @AfterAll
    static void close() {
        queue.close();
    }

    @BeforeEach
    void empty() {
        queue.empty();
    }

    private static void add(String lane, String... kinds) {
        for (String kind : kinds) queue.add(lane, kind);
    }

    private static JobWorker<Task> worker(Admission<Task> admission, JobWorker.Handler<Task> handler) {
        return new JobWorker<>(db, QUEUE, new JobWorker.Settings("test", "test_tasks", Duration.ofSeconds(30), QUICK,
                JobWorker.OutcomeConnection.OWN), admission, handler).start();
    }

    private static String state(String kind) {
        return db.dsl().fetchValue("""
                SELECT CASE WHEN done IS NOT NULL THEN 'done ' || coalesce(last_status::text, '-')
                            WHEN failed IS NOT NULL THEN 'failed after ' || attempts || ': ' || last_error
                            ELSE 'pending' END FROM task WHERE kind = ?""", kind).toString();
    }

    @Test
    void eachOutcomeEndsUpInTheQueue() {
        add("a.example", "answered", "refused", "flaky", "throws", "db-trouble");
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        try (var w = worker(Admission.upTo(4), task -> {
            int n = runs.merge(task.kind(), 1, Integer::sum);
            return switch (task.kind()) {
                case "answered" -> new Outcome.Done(202);
                case "refused" -> new Outcome.Failed("HTTP 410 (permanent)", 410);
                case "flaky" -> throw new IOException("connection reset " + n);
                case "throws" -> throw new IllegalStateException("a bug, not the peer");
                default -> {
                    if (n == 1) throw new org.jooq.exception.DataAccessException("pool exhausted");
                    yield Outcome.DONE;
                }
            };
        })) {
            TestNode.await("all settled", () -> db.dsl().fetchCount(db.dsl().selectFrom("task")
                    .where("done IS NULL AND failed IS NULL")) == 0);
        }
        assertEquals("done 202", state("answered"));
        assertEquals("failed after 1: HTTP 410 (permanent)", state("refused"));
        assertEquals("failed after 3: gave up: connection reset 3", state("flaky"), "retried up to the schedule's attempts");
        assertEquals("failed after 1: a bug, not the peer", state("throws"), "an unexpected exception fails the job, with its reason");
        assertEquals("done -", state("db-trouble"), "our database's trouble is retried, not held against the job");
    }

    @Test
    void jobsWithoutAPlaceWaitInTheTableAndRunOnceThereIsOne() {
        add("busy.example", "first", "second", "third");
        Set<String> open = ConcurrentHashMap.newKeySet();
        var overlaps = new java.util.concurrent.atomic.AtomicInteger();
        List<String> ran = new CopyOnWriteArrayList<>();
        var oneAtATime = new java.util.concurrent.Semaphore(1);
        Admission<Task> onePerLane = new Admission<>() {
            private Runnable wake = () -> { };

            @Override
            public int room() {
                return 10;
            }

            @Override
            public Lanes lanes() {
                return new Lanes(oneAtATime.availablePermits() == 0 ? List.of("busy.example") : List.of(), List.of());
            }

            @Override
            public Optional<Place> enter(Task task) {
                if (!oneAtATime.tryAcquire()) return Optional.empty();
                return Optional.of(() -> {
                    oneAtATime.release();
                    wake.run();
                });
            }

            @Override
            public void start(Runnable wake) {
                this.wake = wake;
            }
        };
        try (var w = worker(onePerLane, task -> {
            if (!open.add(task.lane())) overlaps.incrementAndGet();
            ran.add(task.kind());
            sleep(100);
            open.remove(task.lane());
            return Outcome.DONE;
        })) {
            TestNode.await("all done", () -> db.dsl().fetchCount(db.dsl().selectFrom("task").where("done IS NOT NULL")) == 3);
        }
        assertEquals(0, overlaps.get(), "never two of one lane at once");
        assertEquals(List.of("first", "second", "third"), ran);
        assertEquals(3, db.dsl().fetchCount(db.dsl().selectFrom("task").where("attempts = 1")),
                "rows handed back unworked did not count as attempts");
    }

    @Test
    @DisplayName("a job still running when the worker stops is cut short after the grace and recorded as nothing: it runs again")
    void aStallingJobDoesNotHoldTheStopAndIsNotLost() {
        add("stalling.example", "stalls");
        var started = new java.util.concurrent.CountDownLatch(1);
        var w = worker(Admission.upTo(4), task -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // a peer that never answers before the request's deadline
                return Outcome.DONE;
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted"); // would read as a failure if it were recorded
            }
        });
        TestNode.await("the job runs", () -> started.getCount() == 0);
        long t0 = System.nanoTime();
        w.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 4_000, "stopping took " + millis + " ms");
        assertEquals("pending", state("stalls"), "not failed, not done: its lease runs out and it is claimed again");
        db.dsl().execute("UPDATE task SET lease_until = now() - interval '1 second'"); // as after the lease
        try (var again = worker(Admission.upTo(4), task -> Outcome.DONE)) {
            TestNode.await("run again and done", () -> state("stalls").equals("done -"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
