package de.allmende.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program the tests run as its users do (Node.js scripts, Python scripts, command-line clients): to the end
 * with a deadline, or as a conversation, reading its prompts and answering on standard input.
 */
public final class ExternalProgram implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private int consumed;
    private boolean ended;

    private ExternalProgram(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        Thread.ofVirtual().start(this::collect);
    }

    /** Runs {@code command} in {@code dir} to its end; its output (stdout and stderr), or an AssertionError if it failed. */
    public static String run(Path dir, Duration timeout, Map<String, String> env, String... command) {
        try {
            File log = Files.createTempFile("program", ".log").toFile();
            ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            b.environment().putAll(env);
            Process p = b.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out:\n" + Files.readString(log.toPath()));
            }
            String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            log.delete();
            if (p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code command} in {@code dir} for a conversation ({@link #expect}, {@link #answer}). */
    public static ExternalProgram start(Path dir, Map<String, String> env, String... command) {
        try {
            ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            b.environment().putAll(env);
            return new ExternalProgram(List.of(command), b.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output not read yet matches {@code regex} (prompts need no newline); returns the match. */
    public Matcher expect(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        Instant deadline = Instant.now().plus(timeout);
        synchronized (output) {
            while (true) {
                Matcher m = pattern.matcher(output);
                if (m.find(consumed)) {
                    consumed = m.end();
                    return m;
                }
                if (ended) throw new AssertionError(String.join(" ", command) + " ended without printing /" + regex + "/:\n" + output);
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(String.join(" ", command) + " did not print /" + regex + "/ in " + timeout + ":\n" + output);
                }
                try {
                    output.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Types {@code line} and Enter. */
    public void answer(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the program's end; its whole output, or an AssertionError if it failed. */
    public String finish(Duration timeout) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not end in " + timeout + ":\n" + output());
            }
            synchronized (output) {
                while (!ended) output.wait(100); // the collector's last read
            }
            if (process.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output());
            return output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The checkout's root (where pom.xml is), for the interop directories under {@code src/test/interop}. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("pom.xml not found");
        return p;
    }

    private void collect() {
        char[] buffer = new char[8192];
        try (Reader out = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = out.read(buffer)) > 0) {
                synchronized (output) {
                    output.append(buffer, 0, n);
                    output.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            synchronized (output) {
                ended = true;
                output.notifyAll();
            }
        }
    }
}
