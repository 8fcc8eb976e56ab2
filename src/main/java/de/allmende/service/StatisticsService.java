package de.allmende.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.allmende.content.directory.MemberFacts;
import de.allmende.content.statistics.Chart;
import de.allmende.content.statistics.Chart.Bar;
import de.allmende.content.statistics.Figure;
import de.allmende.content.statistics.StackedChart;
import de.allmende.content.vocab.SizeClass;
import de.allmende.db.Database;
import de.allmende.domain.Land;
import de.allmende.store.StatisticsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statistics dashboard (issue 11, point 5) over what this node holds: public posts per month (the last twelve,
 * empty months included so the time axis has no gaps), also split by kind and by field of action; the directory's
 * members per Land and per Land and size class (every Land shown); public posts per kind and per field of action; the
 * ten most followed members, the ten most boosted and most liked public items; and who follows and boosts whom
 * ({@link NetworkGraphs}). Each figure is one query.
 */
public final class StatisticsService {
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final int MONTHS = 12, TOP = 10;
    private static final Duration RECOUNT = Duration.ofMinutes(1);
    /** From how many posts the figures are counted at start ({@link #warmIfLarge()}). */
    static final long WARM_FROM_POSTS = 100_000;

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
     * Counted over everything a coordinator aggregates (a million items: seconds), the figures change slowly: each is
     * counted when first asked, then served from its last count and counted again in the background at most every
     * {@link #RECOUNT} (BENCHMARKS.md, "Coordinator at scale").
     */
    private final LoadingCache<Figure.Kind, Figure> figures = Caffeine.newBuilder().refreshAfterWrite(RECOUNT)
            .executor(task -> Thread.ofVirtual().start(task)).build(this::count);

    public Figure figure(Figure.Kind kind) {
        return figures.get(kind);
    }

    /**
     * Counts every figure now if the node holds so many posts (PostgreSQL's estimate) that counting takes seconds (4.4 s
     * at a million items), so that the first visitor after a start is served at once; below that, a figure is counted
     * when first asked, in milliseconds, and shows what is there at that moment.
     *
     * @return whether the figures were counted
     */
    public boolean warmIfLarge() {
        if (store.estimatedPosts(db.dsl()) < WARM_FROM_POSTS) return false;
        figures.getAll(java.util.EnumSet.allOf(Figure.Kind.class));
        return true;
    }

    /** Whether every figure has been counted (and is served from its count). */
    public boolean allCounted() {
        return figures.getAllPresent(java.util.EnumSet.allOf(Figure.Kind.class)).size() == Figure.Kind.values().length;
    }

    private Figure count(Figure.Kind kind) {
        return switch (kind) {
            case MONTHS -> new Chart(kind, months());
            case KINDS_MONTHS -> perMonth(kind, store.kindsPerMonth(db.dsl(), firstDay()));
            case FIELDS_MONTHS -> perMonth(kind, store.fieldsPerMonth(db.dsl(), firstDay()));
            case LANDS -> new Chart(kind, lands(directory.facts()));
            case LANDS_SIZES -> landsAndSizes(directory.facts());
            case KINDS -> new Chart(kind, store.postsPerKind(db.dsl()));
            case FIELDS -> new Chart(kind, store.postsPerField(db.dsl()));
            case FOLLOWED -> new Chart(kind, mostFollowed(directory.facts()));
            case BOOSTED -> new Chart(kind, store.mostReacted(db.dsl(), "announce"));
            case LIKED -> new Chart(kind, store.mostReacted(db.dsl(), "like"));
            case NETWORK -> NetworkGraphs.of(store.links(db.dsl()), directory::acct);
        };
    }

    public List<Figure> all() {
        return Arrays.stream(Figure.Kind.values()).map(this::figure).toList();
    }

    private List<YearMonth> lastMonths() {
        YearMonth first = YearMonth.now(clock.withZone(GERMANY)).minusMonths(MONTHS - 1);
        return Stream.iterate(first, m -> m.plusMonths(1)).limit(MONTHS).toList();
    }

    private OffsetDateTime firstDay() {
        return lastMonths().getFirst().atDay(1).atStartOfDay(GERMANY).toOffsetDateTime();
    }

    private List<Bar> months() {
        Map<String, Long> counted = store.postsPerMonth(db.dsl(), firstDay()).stream().collect(Collectors.toMap(Bar::key, Bar::value));
        return lastMonths().stream().map(m -> new Bar(m.toString(), "", counted.getOrDefault(m.toString(), 0L))).toList();
    }

    /** Every one of the last twelve months; the series that occur in them, most first. */
    private StackedChart perMonth(Figure.Kind kind, List<StatisticsStore.Cell> cells) {
        Map<String, Long> totals = cells.stream().collect(Collectors.groupingBy(StatisticsStore.Cell::series, Collectors.summingLong(StatisticsStore.Cell::value)));
        List<String> series = totals.keySet().stream()
                .sorted(Comparator.comparing((String s) -> -totals.get(s)).thenComparing(Function.identity())).toList();
        Map<String, Long> counted = new HashMap<>();
        cells.forEach(c -> counted.put(c.row() + "\n" + c.series(), c.value()));
        return new StackedChart(kind, series, lastMonths().stream().map(m -> new StackedChart.Row(m.toString(), "",
                series.stream().map(s -> counted.getOrDefault(m + "\n" + s, 0L)).toList())).toList());
    }

    private static List<Bar> lands(List<MemberFacts> members) {
        Map<Land, Long> counted = members.stream().map(MemberFacts::land).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return Arrays.stream(Land.values()).map(l -> new Bar(l.iso(), l.label(), counted.getOrDefault(l, 0L))).toList();
    }

    /** Every Land by every size class and "none stated" (those with no Land are in no row, as in {@link #lands}). */
    private static StackedChart landsAndSizes(List<MemberFacts> members) {
        List<String> series = new ArrayList<>(Arrays.stream(SizeClass.values()).map(SizeClass::code).toList());
        series.add(StackedChart.NONE);
        Map<String, Long> counted = members.stream().filter(m -> m.land().isPresent())
                .collect(Collectors.groupingBy(m -> m.land().get().iso() + "\n" + m.sizeClass().map(SizeClass::code).orElse(StackedChart.NONE),
                        Collectors.counting()));
        return new StackedChart(Figure.Kind.LANDS_SIZES, series, Arrays.stream(Land.values()).map(l -> new StackedChart.Row(l.iso(), l.label(),
                series.stream().map(s -> counted.getOrDefault(l.iso() + "\n" + s, 0L)).toList())).toList());
    }

    /** The ten members with most followers (where known and more than none), by name on a tie. */
    private static List<Bar> mostFollowed(List<MemberFacts> members) {
        return members.stream().filter(m -> m.followers().orElse(0) > 0)
                .sorted(Comparator.comparingLong((MemberFacts m) -> -m.followers().getAsLong()).thenComparing(MemberFacts::name))
                .limit(TOP).map(m -> new Bar(m.acct(), m.name(), m.followers().getAsLong())).toList();
    }
}
