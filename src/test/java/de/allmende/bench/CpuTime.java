package de.allmende.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) that processes used, read from /proc on Linux: where a benchmark's CPU
 * goes (node, PostgreSQL, load generator), which other load on the machine does not change much.
 */
final class CpuTime {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

    private CpuTime() {}

    /** Seconds of CPU used so far by the process and all its living descendants; 0 where /proc is missing. */
    static double ofTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(p -> ofProcess(p.pid())).sum();
    }

    /** Seconds of CPU used so far by one process (all its threads). */
    static double ofProcess(long pid) {
        return ticks(pid, false) / TICKS_PER_SECOND;
    }

    /**
     * Seconds of CPU used so far by one process and by its children that have ended and that it has waited
     * for: PostgreSQL's postmaster reaps its backends, so their CPU is not lost when a backend exits.
     */
    static double ofProcessAndEndedChildren(long pid) {
        return ticks(pid, true) / TICKS_PER_SECOND;
    }

    private static long ticks(long pid, boolean endedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return endedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own; // cutime, cstime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The PostgreSQL server whose command line names {@code dataDirectory}, with its backends. */
    static double ofPostgres(Path dataDirectory) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDirectory.toString())).orElse(false))
                .mapToDouble(CpuTime::ofTree).sum();
    }
}
