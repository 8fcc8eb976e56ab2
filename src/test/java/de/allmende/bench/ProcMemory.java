package de.allmende.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Memory of processes as Linux reports it in /proc; 0 for a process that is gone or unreadable. */
final class ProcMemory {
    private ProcMemory() {}

    /** Resident set size (VmRSS of /proc/pid/status) in KiB. */
    static long rssKib(long pid) {
        return field(Path.of("/proc/" + pid + "/status"), "VmRSS:");
    }

    /**
     * Proportional set size (Pss of /proc/pid/smaps_rollup) in KiB: shared pages divided among the processes
     * sharing them. PostgreSQL's backends all map the shared buffers, so their RSS summed counts those pages
     * once per backend; their PSS summed counts them once.
     */
    static long pssKib(long pid) {
        return field(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
    }

    static long rssKib(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcMemory::rssKib).sum();
    }

    static long pssKib(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcMemory::pssKib).sum();
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
            return 0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The 1-minute load average of the machine (other engineers' builds share it). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
