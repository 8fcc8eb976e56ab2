package de.allmende.store;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.CalendarFilter;
import de.allmende.db.Database;
import de.allmende.store.CalendarStore.Window;
import de.allmende.testkit.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The calendar lists the events under way when its window opens (begun before it, at most 31 days before, not ended)
 * first, then those beginning in it, in start order; the page's limit counts both. (Kept from a try at reading them as
 * two ranges, which the planner read as one anyway: BENCHMARKS.md, "Coordinator at scale".)
 */
@DisplayName("calendar: events under way when the window opens first, then those beginning in it, one limit for both")
class CalendarUnderWayTest {
    private final CalendarStore store = new CalendarStore();

    @Test
    void underWayThenBeginning() {
        try (Database db = Database.connect(TestDatabase.fresh(), null)) {
            db.dsl().execute("INSERT INTO actor (kind, handle, display_name, land) VALUES ('municipality', 'musterstadt', 'Musterstadt', '09')");
            Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
            event(db, "running", today.minus(2, ChronoUnit.DAYS), today.plus(1, ChronoUnit.DAYS));
            event(db, "ended", today.minus(2, ChronoUnit.DAYS), today.minus(1, ChronoUnit.DAYS));
            event(db, "too-long-ago", today.minus(40, ChronoUnit.DAYS), today.plus(1, ChronoUnit.DAYS));
            event(db, "tomorrow", today.plus(1, ChronoUnit.DAYS), today.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
            event(db, "later", today.plus(3, ChronoUnit.DAYS), today.plus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
            Window fromToday = new Window(today, Optional.empty());

            assertEquals(List.of("running", "tomorrow", "later"), names(db, fromToday, 10));
            assertEquals(List.of("running"), names(db, fromToday, 1), "the limit counts the events under way");
            assertEquals(List.of("running", "tomorrow"), names(db, fromToday, 2));
            assertEquals(List.of("running", "tomorrow"), names(db, new Window(today, Optional.of(today.plus(2, ChronoUnit.DAYS))), 10),
                    "a window's end bounds both");
        }
    }

    private static void event(Database db, String name, Instant start, Instant end) {
        db.dsl().execute("""
                INSERT INTO post (iri, author_id, author_iri, kind, visibility, audience, event, hashtags, published, name)
                VALUES ('https://m.example/objects/' || {0}, (SELECT id FROM account LIMIT 1), 'https://m.example/actors/musterstadt',
                        'event', 'public', '{}', jsonb_build_object('start', {1}, 'end', {2}), '{}', now(), jsonb_build_object('de', {0}))""",
                org.jooq.impl.DSL.val(name), org.jooq.impl.DSL.val(start.toString()), org.jooq.impl.DSL.val(end.toString()));
    }

    private List<String> names(Database db, Window window, int limit) {
        return store.entries(db.dsl(), CalendarFilter.ANY, window, limit).stream().map(CalendarEntry::name)
                .map(n -> n.texts().get("de")).toList();
    }
}
