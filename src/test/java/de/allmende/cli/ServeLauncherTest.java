package de.allmende.cli;

import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("serve as an operator starts it: tuned JVM, old Java, port in use")
class ServeLauncherTest {
    /**
     * The data folder of the tests that serve, one after another: its embedded database is made (initdb and the
     * migrations, seconds of CPU) by the first and merely started by the others, as on an operator's machine
     * (same port and public URL too).
     */
    private static Path served;
    private static int port;

    @BeforeAll
    static void dataFolder() throws IOException {
        served = Files.createTempDirectory("allmende-launch");
        port = TestNode.freePort();
    }

    @Test
    void serveRunsInTheTunedJvmInTheSameProcessAndStillStopsGracefully() throws Exception {
        Path data = served;
        Process node = NodeProcess.serve(NodeProcess.env(data, port), data.resolve("serve.log"));
        try {
            String command = commandLine(node.pid());
            assertTrue(command.contains("-Dallmende.tuned=exec"), command);
            assertTrue(command.contains("-XX:+UseSerialGC") && command.contains("-XX:MaxDirectMemorySize=64m"), command);
            assertTrue(command.contains("-Xmx256m") && !command.contains("-Xmx96m"), "the operator's own heap limit wins: " + command);
        } finally {
            node.destroy(); // SIGTERM reaches the node itself
            assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(data.resolve("serve.log")).contains("node stopped"), "requests drained, database stopped");
    }

    @Test
    void whereTheJvmCannotReplaceItselfATunedChildRunsAndEndsWithIt() throws Exception {
        Path data = served;
        Map<String, String> env = new HashMap<>(NodeProcess.env(data, port));
        env.put(TunedJvm.TUNING_ENV, "child"); // what Java 21 does, which has no execv
        Process launcher = NodeProcess.serve(env, data.resolve("serve-1.log"));
        ProcessHandle child = tunedChild(launcher);
        assertTrue(commandLine(child.pid()).contains("-XX:+UseSerialGC"));
        launcher.destroy(); // SIGTERM to the launcher: the child finishes its requests first
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertFalse(child.isAlive());
        assertTrue(Files.readString(data.resolve("serve-1.log")).contains("node stopped"));

        Process killed = NodeProcess.serve(env, data.resolve("serve-2.log"));
        ProcessHandle orphan = tunedChild(killed);
        killed.destroyForcibly(); // kill -9: nobody forwards anything, the child notices on its own
        assertTrue(orphan.onExit().get(60, TimeUnit.SECONDS) != null);
        assertTrue(Files.readString(data.resolve("serve-2.log")).contains("node stopped"));
    }

    @Test
    void aPortInUseIsOneClearLineBeforeTheDatabaseStarts() throws Exception {
        Path data = Files.createTempDirectory("allmende-launch");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var r = NodeProcess.run(NodeProcess.env(data, taken.getLocalPort()), "serve");
            assertEquals(ErrorHandler.CONFIGURATION, r.exitCode(), r.stderr());
            String expected = "configuration error: ALLMENDE_HTTP_PORT: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use (is another node running?)";
            assertTrue(r.stderr().lines().anyMatch(expected::equals), r.stderr());
            assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), "no stack trace: " + r.stderr());
            assertFalse(Files.exists(data.resolve("postgres")), "no database started for a node that cannot listen");
        }
    }

    @Test
    void anOldJavaIsToldInOneSentenceWhatItNeeds() throws Exception {
        Optional<Path> java17 = oldJava();
        assumeTrue(java17.isPresent(), "no Java 17 in /usr/lib/jvm");
        Process p = new ProcessBuilder(java17.get().toString(), "-cp", Path.of("target/classes").toString(), "de.allmende.Launcher", "serve")
                .start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        assertEquals(ErrorHandler.CONFIGURATION, p.exitValue(), err);
        assertTrue(err.startsWith("Allmende needs Java 21 or newer, but this is Java 17 ("), err);
        assertEquals(1, err.lines().count(), err);
    }

    private static Optional<Path> oldJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (var dirs = Files.list(jvms)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("java-17")).map(d -> d.resolve("bin/java"))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    private static ProcessHandle tunedChild(Process launcher) {
        List<ProcessHandle> children = launcher.descendants().filter(p -> commandLine(p.pid()).contains("-Dallmende.tuned=child")).toList();
        assertEquals(1, children.size(), "one tuned child JVM");
        return children.getFirst();
    }

    /** The full command line from /proc (ProcessHandle.Info may cut it short). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
