package de.allmende.bench;

/**
 * One look at the soak, every 10 s: cumulative counts (rates come from the difference to the previous
 * sample), memory now, and the CPU seconds used so far.
 *
 * @param seconds       since the load started
 * @param writesSent    inbox POSTs sent; {@code readsSent} GETs sent
 * @param accepted      POSTs answered 202; {@code readsOk} GETs answered 200
 * @param errors        unexpected statuses, connection errors and ERROR lines in the node's log, together
 * @param inbox         the node's queue as its database shows it
 * @param heapUsedBytes from the node's /metrics, -1 when it does not say
 * @param pgPssKib      all PostgreSQL processes, each shared page counted once; {@code pgRssKib} summed RSS
 * @param writeP50Ms    latency from sending a POST to its 202, over the last interval
 */
record SoakSample(double seconds, long writesSent, long readsSent, long accepted, long readsOk, long errors, long late,
                  InboxProgress.Counts inbox, long jvmRssKib, long heapUsedBytes, long pgRssKib, long pgPssKib, int pgProcesses,
                  double writeP50Ms, double writeP99Ms, double writeMaxMs, double cpuNode, double cpuPostgres, double cpuLoad,
                  double loadAverage) {

    static final String HEADER = String.format("%6s %7s %7s %7s %7s %6s %6s %7s %7s %7s %7s %7s %7s %5s %5s %5s %5s",
            "t[s]", "sent/s", "202/s", "proc/s", "backlog", "late", "errors", "p50ms", "p99ms", "maxms",
            "JVM-MB", "heapMB", "PG-MB", "node%", "pg%", "gen%", "load");

    /** One line: rates over the interval since {@code before}; memory in MiB (PostgreSQL as PSS). */
    String line(SoakSample before) {
        double dt = seconds - before.seconds;
        return String.format("%6.0f %7.0f %7.0f %7.0f %7d %6d %6d %7.1f %7.1f %7.0f %7.1f %7s %7.1f %5.0f %5.0f %5.0f %5.1f",
                seconds, (writesSent - before.writesSent) / dt, (accepted - before.accepted) / dt,
                (inbox.processed() - before.inbox.processed()) / dt, inbox.backlog(), late, errors, writeP50Ms, writeP99Ms, writeMaxMs,
                jvmRssKib / 1024.0, heapUsedBytes < 0 ? "-" : String.format("%.1f", heapUsedBytes / 1048576.0), pgPssKib / 1024.0,
                100 * (cpuNode - before.cpuNode) / dt, 100 * (cpuPostgres - before.cpuPostgres) / dt, 100 * (cpuLoad - before.cpuLoad) / dt,
                loadAverage);
    }

    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
