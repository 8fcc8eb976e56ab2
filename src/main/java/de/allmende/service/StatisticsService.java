package de.allmende.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.allmende.content.directory.DirectoryEntry;
import de.allmende.content.directory.DirectoryFilter;
import de.allmende.content.statistics.Chart;
import de.allmende.content.statistics.Chart.Bar;
import de.allmende.db.Database;
import de.allmende.domain.Land;
import de.allmende.store.StatisticsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statistics dashboard (issue 11, point 5) over what this node holds: public posts per month (the last twelve,
 * empty months included so the time axis has no gaps), municipalities per Land (the directory's members, every Land
 * shown), public posts per kind and per field of action, and the ten most boosted and most liked public items.
 */
public final class StatisticsService {
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final int MONTHS = 12;
    private static final Duration RECOUNT = Duration.ofMinutes(1);

    private final Database db;
    private final DirectoryService directory;
    private final Clock clock;
    private final StatisticsStore store = new StatisticsStore();

    public StatisticsService(Database db, DirectoryService directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Counted over everything a coordinator aggregates (a million items: seconds), the charts change slowly: each is
     * counted when first asked, then served from its last count and counted again in the background at most every
     * {@link #RECOUNT} (BENCHMARKS.md, "Coordinator at scale").
     */
    private final LoadingCache<Chart.Kind, Chart> charts = Caffeine.newBuilder().refreshAfterWrite(RECOUNT)
            .executor(task -> Thread.ofVirtual().start(task)).build(this::count);

    public Chart chart(Chart.Kind kind) {
        return charts.get(kind);
    }

    private Chart count(Chart.Kind kind) {
        return new Chart(kind, switch (kind) {
            case MONTHS -> months();
            case LANDS -> lands();
            case KINDS -> store.postsPerKind(db.dsl());
            case FIELDS -> store.postsPerField(db.dsl());
            case BOOSTED -> store.mostReacted(db.dsl(), "announce");
            case LIKED -> store.mostReacted(db.dsl(), "like");
        });
    }

    public List<Chart> all() {
        return Arrays.stream(Chart.Kind.values()).map(this::chart).toList();
    }

    private List<Bar> months() {
        YearMonth first = YearMonth.now(clock.withZone(GERMANY)).minusMonths(MONTHS - 1);
        Map<String, Long> counted = store.postsPerMonth(db.dsl(), first.atDay(1).atStartOfDay(GERMANY).toOffsetDateTime())
                .stream().collect(Collectors.toMap(Bar::key, Bar::value));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            String key = first.plusMonths(i).toString();
            bars.add(new Bar(key, "", counted.getOrDefault(key, 0L)));
        }
        return bars;
    }

    private List<Bar> lands() {
        Map<Land, Long> counted = directory.entries(DirectoryFilter.ANY).stream().map(DirectoryEntry::land).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return Arrays.stream(Land.values()).map(l -> new Bar(l.iso(), l.label(), counted.getOrDefault(l, 0L))).toList();
    }
}
