package de.allmende.service;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.CalendarFilter;
import de.allmende.content.calendar.Organiser;
import de.allmende.db.Database;
import de.allmende.store.CalendarStore;
import de.allmende.store.CalendarStore.Window;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The merged calendar: every public event the node holds, its own and received ones, filtered. A filter's days are
 * German calendar days (the network is German): "from today on" begins at midnight in Berlin.
 */
public final class CalendarService {
    public static final ZoneId GERMAN_TIME = ZoneId.of("Europe/Berlin");
    /** The most municipalities a filter form offers. */
    private static final int MAX_ORGANISERS = 500;

    private final Database db;
    private final Clock clock;
    private final CalendarStore store = new CalendarStore();
    /**
     * The form's choices change only when a municipality gets its first upcoming event: read once a minute, not for
     * every page view (on a coordinator that groups every upcoming event of the network).
     */
    private final com.github.benmanes.caffeine.cache.LoadingCache<LocalDate, List<Organiser>> organisers;

    public CalendarService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.organisers = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2)
                .expireAfterWrite(java.time.Duration.ofMinutes(1)).build(today -> store.organisers(db.dsl(),
                        window(new CalendarFilter(List.of(), List.of(), CalendarFilter.Attendance.ANY, java.util.Optional.of(today),
                                java.util.Optional.empty(), List.of())), MAX_ORGANISERS));
    }

    /** Today in German time: where a filter without {@code from} begins. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(GERMAN_TIME));
    }

    /** Up to {@code limit} events passing {@code filter}, by start time (events under way at its start included). */
    public List<CalendarEntry> entries(CalendarFilter filter, int limit) {
        return store.entries(db.dsl(), filter, window(filter), limit);
    }

    /** Who has events from today on, by name (the choices of the page's filter form); up to a minute old. */
    public List<Organiser> upcomingOrganisers() {
        return organisers.get(today());
    }

    private Window window(CalendarFilter f) {
        LocalDate from = f.from().orElseGet(this::today);
        return new Window(from.atStartOfDay(GERMAN_TIME).toInstant(),
                f.to().map(to -> to.plusDays(1).atStartOfDay(GERMAN_TIME).toInstant()));
    }
}
