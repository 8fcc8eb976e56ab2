package de.allmende.fuzz;

/**
 * How much fuzzing `mvn verify` does. Each target's budget is a number of runs ({@code maxExecutions}),
 * not seconds: runs are what finds inputs, and a time budget gives fewer of them the busier the machine
 * is (or when two targets share the cores), so the same build would fuzz less. Each target's runs reach
 * the coverage its former 10-15 s budget reached from an empty corpus (measured 2026-12-05): a few
 * seconds per target on a quiet core, plus the JVM's start and instrumentation.
 *
 * <p>Longer, e.g. before a release: {@code mvn verify -Dfuzz.jvm.options="-Djazzer.max_executions=0 -Djazzer.max_duration=10m"}
 * (Jazzer's own settings, which override the annotations: no run limit, ten minutes per target).
 */
final class FuzzBudget {
    /**
     * A target stops after this long even short of its runs: a safety net for a machine so busy that the
     * runs would take minutes, not a budget (the build then fuzzes less, and says so in the runs it reports).
     */
    static final String CAP = "60s";

    private FuzzBudget() {}
}
