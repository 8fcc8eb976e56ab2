package de.allmende.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where a test class's wall time goes, for tuning the suite (BENCHMARKS.md "The whole suite"): with the environment
 * variable {@code ALLMENDE_TEST_COSTS=DIR} every test JVM appends one line per test class to {@code DIR/fork-PID.tsv}:
 * wall time, the CPU of this JVM, of the processes it started and waited for (node JVMs, chromium, Node.js, Python)
 * and of its embedded PostgreSQL, all in milliseconds, then the database pools open after it and the sessions its
 * PostgreSQL has started so far (each costs a process: 20 ms of CPU on a small virtual machine). Wall time well above the
 * CPU is time the class waited (for deadlines, polls, or the other fork holding the cores). Off without the variable.
 */
public final class ClassCosts implements TestExecutionListener {
    private static final String DIRECTORY = System.getenv("ALLMENDE_TEST_COSTS");
    private static final long TICK_MS = 10; // Linux's USER_HZ is 100

    private record Mark(long wallNanos, long jvmCpuNanos, long childTicks, long postgresTicks) {
        static Mark now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Mark(System.nanoTime(), os.getProcessCpuTime(), waitedForTicks("self"),
                    TestDatabase.serverPid().map(ClassCosts::ticksWithChildren).orElse(0L));
        }
    }

    private Mark start;

    @Override
    public void executionStarted(TestIdentifier id) {
        if (DIRECTORY != null && isClass(id)) start = Mark.now();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (DIRECTORY == null || !isClass(id) || start == null) return;
        Mark end = Mark.now();
        String line = String.join("\t", ((ClassSource) id.getSource().orElseThrow()).getClassName(),
                String.valueOf((end.wallNanos - start.wallNanos) / 1_000_000),
                String.valueOf((end.jvmCpuNanos - start.jvmCpuNanos) / 1_000_000),
                String.valueOf((end.childTicks - start.childTicks) * TICK_MS),
                String.valueOf((end.postgresTicks - start.postgresTicks) * TICK_MS), String.valueOf(openPools()), String.valueOf(TestDatabase.sessions())) + "\n";
        try {
            Path dir = Files.createDirectories(Path.of(DIRECTORY));
            Files.writeString(dir.resolve("fork-" + ProcessHandle.current().pid() + ".tsv"), line,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connection pools still open after the class (one per node or command that did not close): a node left running
     * keeps its queue loops claiming several times a second until the fork ends.
     */
    private static long openPools() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().endsWith(":housekeeper")).count();
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).isPresent() && id.isContainer();
    }

    /** CPU of the waited-for children of a process (cutime + cstime of /proc/PID/stat), in ticks. */
    private static long waitedForTicks(String pid) {
        return statFields(pid).map(f -> Long.parseLong(f[13]) + Long.parseLong(f[14])).orElse(0L);
    }

    /** CPU of a process and of its waited-for children, in ticks. */
    private static long ticksWithChildren(long pid) {
        return statFields(String.valueOf(pid)).map(f -> Long.parseLong(f[11]) + Long.parseLong(f[12])
                + Long.parseLong(f[13]) + Long.parseLong(f[14])).orElse(0L);
    }

    /** The fields of /proc/PID/stat after the command (utime is [11]). */
    private static Optional<String[]> statFields(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
