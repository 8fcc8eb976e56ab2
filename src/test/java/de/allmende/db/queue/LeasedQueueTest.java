package de.allmende.db.queue;

import de.allmende.db.Database;
import de.allmende.db.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one claim/lease machinery, on a queue with lanes and a result code (the shape delivery uses): busy lanes stay
 * queued, preferred lanes go first, a claim proves itself by its attempt count, and a row handed back unworked
 * keeps its attempts.
 */
@DisplayName("leased queue: lanes, confirmed claims, rows handed back")
class LeasedQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static ScratchQueue queue;
    private static Database db;

    record Row(long id, String lane, int attempts) implements Job {
        @Override
        public String describe() {
            return "row " + id;
        }
    }

    private static final LeasedQueue<Row> QUEUE = new LeasedQueue<>(
            new LeasedQueue.Shape("lane_job", "done", "id, lane, attempts", "id", "lane", "last_status"),
            rs -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)), Row::id);

    @BeforeAll
    static void table() {
        queue = new ScratchQueue("lane_job");
        db = queue.db;
    }

    @AfterAll
    static void close() {
        queue.close();
    }

    @BeforeEach
    void rows() {
        queue.empty();
        for (String lane : List.of("slow.example", "slow.example", "busy.example", "fast.example")) queue.add(lane, "");
    }

    private List<Row> claim(int limit, Lanes lanes) {
        return Jdbc.transaction(db.dataSource(), c -> QUEUE.claim(c, limit, LEASE, lanes));
    }

    private static boolean confirmed(Row row) {
        return Jdbc.transaction(db.dataSource(), c -> QUEUE.confirm(c, row, LEASE));
    }

    @Test
    void busyLanesStayQueuedAndPreferredLanesGoFirst() {
        List<Row> first = claim(1, new Lanes(List.of("busy.example"), List.of("fast.example")));
        assertEquals("fast.example", first.getFirst().lane(), "the lane known to answer first, though its row is newest");
        List<Row> rest = claim(10, new Lanes(List.of("busy.example"), List.of()));
        assertEquals(List.of("slow.example", "slow.example"), rest.stream().map(Row::lane).toList(), "nothing of the busy lane");
        assertEquals(List.of("busy.example"), claim(10, Lanes.NONE).stream().map(Row::lane).toList());
    }

    @Test
    void aClaimStandsUntilSomeoneClaimsTheRowAgain() {
        Row mine = claim(1, Lanes.NONE).getFirst();
        assertTrue(confirmed(mine));
        db.dsl().execute("UPDATE lane_job SET lease_until = now() - interval '1 second' WHERE id = ?", mine.id()); // I stalled
        Row theirs = claim(1, Lanes.NONE).getFirst();
        assertEquals(mine.id(), theirs.id(), "taken over after the lease ran out");
        assertFalse(confirmed(mine), "my claim no longer stands");
        assertTrue(confirmed(theirs));
    }

    @Test
    void aRowHandedBackIsDueAtOnceWithItsAttemptUndone() {
        List<Row> claimed = claim(10, Lanes.NONE);
        Jdbc.transaction(db.dataSource(), c -> {
            QUEUE.giveBack(c, claimed);
            return null;
        });
        List<Row> again = claim(10, Lanes.NONE);
        assertEquals(claimed.stream().map(Row::id).toList(), again.stream().map(Row::id).toList());
        assertTrue(again.stream().allMatch(r -> r.attempts() == 1), "the unworked claim did not count as a try");
    }

    @Test
    void outcomesCarryTheirResultCode() {
        List<Row> claimed = claim(3, Lanes.NONE);
        Jdbc.transaction(db.dataSource(), c -> {
            QUEUE.finish(c, List.of(claimed.get(0).id()), java.util.Arrays.asList((Integer) 202));
            QUEUE.retryLater(c, claimed.get(1).id(), Duration.ofHours(1), "HTTP 503", 503);
            QUEUE.fail(c, claimed.get(2).id(), "HTTP 410 (permanent)", 410);
            return null;
        });
        assertEquals(List.of(202, 503, 410), db.dsl().fetch("SELECT last_status FROM lane_job WHERE id = ANY(?) ORDER BY id",
                (Object) claimed.stream().map(Row::id).toArray(Long[]::new)).getValues(0, Integer.class));
        assertEquals(1, db.dsl().fetchCount(db.dsl().selectFrom("lane_job").where("done IS NOT NULL")));
        assertEquals(1, db.dsl().fetchCount(db.dsl().selectFrom("lane_job").where("failed IS NOT NULL")));
        List<Long> ids = claimed.stream().map(Row::id).toList();
        assertTrue(claim(10, Lanes.NONE).stream().noneMatch(r -> ids.contains(r.id())), "none of them due now");
    }
}
