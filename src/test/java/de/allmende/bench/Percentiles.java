package de.allmende.bench;

import java.util.List;

/** Prints p50/p95/p99/max of latencies in microseconds, with the machine's load average beside them. */
final class Percentiles {
    private Percentiles() {}

    static void print(String what, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(m -> m * 1000).sorted().toArray();
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples; load average %.1f)%n", what,
                SoakSample.percentileMs(sorted, 0.50), SoakSample.percentileMs(sorted, 0.95), SoakSample.percentileMs(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, sorted.length,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
