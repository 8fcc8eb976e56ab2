package de.allmende.testkit;

import de.allmende.Main;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Runs a command of the real command line ({@code Main.commandLine}) inside this JVM with an environment
 * of its own, as {@link NodeProcess#run} does in a separate one: the same exit code, and on its stdout and
 * stderr whatever the command, its logs and anything else in this JVM write while it runs. It saves a JVM
 * start and a cold JIT per command (2-3 s of CPU each); what needs a real process — serve, signals, the
 * launcher, Main's own wiring — stays with NodeProcess.
 *
 * <p>It borrows System.out and System.err while the command runs, so it is for tests that run one at a
 * time in their JVM (surefire's default), as all tests here do.
 */
public final class InProcessCli {
    private InProcessCli() {}

    public static synchronized NodeProcess.Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(stdout, true, UTF_8);
        PrintStream err = new PrintStream(stderr, true, UTF_8);
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(out);
        System.setErr(err);
        int exitCode;
        try {
            CommandLine cli = Main.commandLine(env);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exitCode = cli.execute(args);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        return new NodeProcess.Result(exitCode, stdout.toString(UTF_8), stderr.toString(UTF_8));
    }
}
