package de.allmende.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM that {@code serve} runs in: settings measured for a small node (BENCHMARKS.md, "Footprint"),
 * applied without the operator passing flags. When {@code java -jar allmende.jar serve} starts without
 * them, {@link #relaunchIfWanted} starts the same program again in a JVM that has them.
 *
 * <p>Every JVM option the operator gives — on the command line, in {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS} or {@code ALLMENDE_JVM_OPTS} — replaces the tuned option of the same name;
 * {@code ALLMENDE_JVM_TUNING=off} keeps the JVM exactly as started.
 */
public final class TunedJvm {
    /** Set in the JVM that was started with the tuned options: {@code exec} (same process) or {@code child}. */
    public static final String MARKER = "allmende.tuned";
    public static final String OPTIONS_ENV = "ALLMENDE_JVM_OPTS";
    /** {@code off}: no relaunch. Hidden value {@code child}: relaunch as a child process (the Java 21 way), for tests. */
    public static final String TUNING_ENV = "ALLMENDE_JVM_TUNING";
    private static final List<String> ENV_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /**
     * Measured with FootprintBenchmark (BENCHMARKS.md, "Footprint"): SerialGC with a small initial heap keeps
     * idle memory low, the heap limit leaves room for a mixed load, Netty's pooled buffers stay in one arena
     * per kind. C2 stays on: C1 alone saved 33 MiB idle but cost 58 % of the requests per second.
     * The caps are limits, not reservations: a long-running node's code and classes fit well below them.
     * The heap limit: in the 30-minute soak the live heap stayed at 16-30 MB, while with 128 MB the old generation
     * filled with garbage up to 108 MB before a full collection, lifting the process to 300 MiB (BENCHMARKS "Soak").
     */
    static final List<String> FLAGS = List.of(
            "-XX:+UseSerialGC", "-Xms16m", "-Xmx96m", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=128m", "-XX:MaxDirectMemorySize=64m",
            "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");
    /**
     * How SerialGC sizes the heap, measured with it (BENCHMARKS.md, "Footprint"): a young generation of a sixth
     * rather than a third, and a heap that grows to 10 % free rather than 40 % and shrinks back above 30 %, took
     * 5 MiB off the idle node; under the mixed load the heap stayed near 27 MB with young collections of about 1 ms.
     * Dropped when the operator picks another collector, whose own sizing these would override.
     */
    static final List<String> SERIAL_SIZING = List.of("-XX:NewRatio=5", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /** Java 22+: give the C2 compiler's freed native memory back to the system every few seconds (13 MiB idle). */
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    private TunedJvm() {}

    /** Returns when the command should run in this JVM; otherwise runs it in a tuned one and exits with its code. */
    public static void relaunchIfWanted(String[] args) {
        String marker = System.getProperty(MARKER);
        if ("child".equals(marker)) ChildJvm.exitWithParent();
        Map<String, String> env = System.getenv();
        String tuning = env.getOrDefault(TUNING_ENV, "on");
        if (marker != null || "off".equalsIgnoreCase(tuning) || !isServe(args)) return;
        // execv keeps the process id, so signals, kill -9 and supervisors reach the node itself; it
        // returns only where this JVM cannot call it (Java 21), and a child process does instead.
        if (!"child".equalsIgnoreCase(tuning)) ProcessImage.replaceWith(command(args, env, "exec"));
        System.exit(ChildJvm.run(command(args, env, "child")));
    }

    static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve")
                && Arrays.stream(args).noneMatch(a -> Set.of("-h", "--help", "-V", "--version").contains(a));
    }

    private static List<String> command(String[] args, Map<String, String> env, String marker) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        Optional<Path> jar = launchedJar(classPath, System.getProperty("sun.java.command", ""));
        command.addAll(options(ManagementFactory.getRuntimeMXBean().getInputArguments(), env));
        command.add("-D" + MARKER + "=" + marker);
        if (jar.isPresent()) {
            command.addAll(List.of("-jar", jar.get().toString()));
        } else {
            command.addAll(List.of("-cp", classPath, "de.allmende.Main"));
        }
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The tuned options without those the operator set, then the operator's own. Options from the two
     * environment variables are not repeated: the new JVM reads them from its environment again.
     */
    static List<String> options(List<String> inputArguments, Map<String, String> env) {
        List<String> fromEnvironment = new ArrayList<>();
        ENV_OPTIONS.forEach(name -> fromEnvironment.addAll(split(env.get(name))));
        List<String> own = new ArrayList<>(inputArguments);
        fromEnvironment.forEach(own::remove);
        own.addAll(split(env.get(OPTIONS_ENV)));

        Set<String> given = new LinkedHashSet<>();
        fromEnvironment.forEach(o -> given.add(name(o)));
        own.forEach(o -> given.add(name(o)));
        List<String> options = new ArrayList<>(flags().stream().filter(o -> !given.contains(name(o)))
                .filter(o -> !(given.contains("GC") && SERIAL_SIZING.contains(o))).toList());
        options.addAll(own);
        return options;
    }

    /** The tuned options for the running Java (the new JVM is the same java). */
    static List<String> flags() {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.addAll(SERIAL_SIZING);
        if (Runtime.version().feature() >= 22) flags.add(TRIM_NATIVE_HEAP);
        return flags;
    }

    /** What an option sets: "-Xmx" for -Xmx64m, "ReservedCodeCacheSize" for -XX:ReservedCodeCacheSize=32m, "GC" for any collector. */
    static String name(String option) {
        if (option.matches("-XX:[+-]Use\\w+GC")) return "GC";
        if (option.startsWith("-XX:")) return option.substring(4).replaceFirst("^[+-]", "").replaceFirst("=.*", "");
        if (option.matches("-X(mx|ms|ss).*")) return option.substring(0, 4);
        if (option.startsWith("-D")) return option.replaceFirst("=.*", "");
        return option;
    }

    private static List<String> split(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** The jar of {@code java -jar allmende.jar …}; empty when started with a class path and a main class. */
    static Optional<Path> launchedJar(String classPath, String javaCommand) {
        boolean jar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                && (javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " "));
        return jar ? Optional.of(Path.of(classPath).toAbsolutePath()) : Optional.empty();
    }
}
