package de.allmende.cli;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.Main;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The command line on the embedded default database")
class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "actor", "actor create", "actor list", "keys", "keys rotate", "db", "db migrate"})
    void everyCommandHasHelp(String command) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        String[] args = (command + " --help").trim().split(" ");
        assertEquals(0, cli.execute(args));
        assertTrue(out.toString().contains("Usage:"), out.toString());
    }

    /** In a JVM of its own, as an operator runs it: Main reads the process's environment and exits with the code. */
    @Test
    void invalidConfigurationIsOneClearLineAndANonZeroExit() {
        var r = NodeProcess.run(Map.of("ALLMENDE_PUBLIC_URL", "http://kommune.example"), "actor", "list");
        assertEquals(ErrorHandler.CONFIGURATION, r.exitCode());
        assertTrue(r.stderr().contains("configuration error: ALLMENDE_PUBLIC_URL: plain http is only allowed for loopback hosts"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace");
    }

    @Test
    void invalidActorInputNamesEachFieldAndWritesNothing() throws Exception {
        Path data = Files.createTempDirectory("allmende-cli");
        var env = NodeProcess.env(data, 18080);
        var r = InProcessCli.run(env, "actor", "create", "--handle", "ok", "--name", "Ort", "--ags", "123", "--land", "Atlantis");
        assertEquals(ErrorHandler.INVALID_INPUT, r.exitCode());
        assertTrue(r.stderr().contains("error: --land: unknown Land 'Atlantis'"), r.stderr());
        assertTrue(r.stderr().contains("error: --ags: must be the 8-digit"), r.stderr());
        assertFalse(Files.exists(data.resolve("postgres")), "validation fails before any database is touched");
    }

    @Test
    void restartsKeepDataAndKeysAndTheCliWorksWhileTheNodeRuns() throws Exception {
        Path data = Files.createTempDirectory("allmende-cli");
        int port = TestNode.freePort();
        var env = NodeProcess.env(data, port);

        var created = InProcessCli.run(env, "actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt",
                "--ags", "09162000", "--land", "DE-BY", "--type", "stadt", "--population", "120000");
        assertEquals(0, created.exitCode(), created.stderr());
        assertTrue(created.stdout().contains("http://127.0.0.1:" + port + "/actors/musterstadt"));

        Process node = NodeProcess.serve(env, data.resolve("serve-1.log"));
        String pemBefore;
        try {
            pemBefore = actor(port, "musterstadt").at("/publicKey/publicKeyPem").asText();
            // While the node runs, CLI commands attach to its embedded database.
            var second = InProcessCli.run(env, "actor", "create", "--handle", "beispieldorf", "--name", "Gemeinde Beispieldorf");
            assertEquals(0, second.exitCode(), second.stderr());
            assertEquals(200, TestNode.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/actors/beispieldorf")).build()).statusCode());
            var list = InProcessCli.run(env, "actor", "list");
            assertTrue(list.stdout().contains("@musterstadt@127.0.0.1:" + port) && list.stdout().contains("@beispieldorf@"), list.stdout());
        } finally {
            node.destroy(); // SIGTERM: graceful shutdown
            assertTrue(node.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(data.resolve("serve-1.log")).contains("node stopped"));

        // A hard kill leaves PostgreSQL orphaned; the next start must take over cleanly.
        Process killed = NodeProcess.serve(env, data.resolve("serve-2.log"));
        killed.destroyForcibly();
        killed.waitFor(30, TimeUnit.SECONDS);

        Process again = NodeProcess.serve(env, data.resolve("serve-3.log"));
        try {
            assertEquals(pemBefore, actor(port, "musterstadt").at("/publicKey/publicKeyPem").asText(), "same key after restart");
            assertEquals("Gemeinde Beispieldorf", actor(port, "beispieldorf").get("name").asText());
            var rotated = InProcessCli.run(env, "keys", "rotate", "musterstadt");
            assertEquals(0, rotated.exitCode(), rotated.stderr());
            // The key changed in another process: the node learns of it by the change's notification, a moment later.
            TestNode.await("the rotated key served", java.time.Duration.ofSeconds(10), () -> !pemBefore.equals(servedPem(port, "musterstadt")));
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
        var migrate = InProcessCli.run(env, "db", "migrate");
        assertEquals(0, migrate.exitCode(), migrate.stderr());
        assertTrue(migrate.stdout().contains("schema is up to date"));
    }

    private static String servedPem(int port, String handle) {
        try {
            return actor(port, handle).at("/publicKey/publicKeyPem").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode actor(int port, String handle) throws Exception {
        var r = TestNode.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actors/" + handle))
                .header("Accept", "application/activity+json").build());
        assertEquals(200, r.statusCode(), r.body());
        return GoldenJson.JSON.readTree(r.body());
    }
}
