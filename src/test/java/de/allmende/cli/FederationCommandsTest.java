package de.allmende.cli;

import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Following and posting from the command line while the node runs")
class FederationCommandsTest {

    @Test
    void followPostAndListWhileTheNodeRuns() throws Exception {
        try (TestNode dorf = TestNode.start()) {
            dorf.create(Fixtures.beispieldorf());
            Path data = Files.createTempDirectory("allmende-cli-fed");
            int port = TestNode.freePort();
            var env = new HashMap<>(NodeProcess.envOnSharedDatabase(data, port));
            env.put("ALLMENDE_ALLOW_PRIVATE_NETWORKS", "true");
            env.put("ALLMENDE_LOG_FORMAT", "json");
            assertEquals(0, InProcessCli.run(env, "actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt").exitCode());
            Process node = NodeProcess.serve(env, data.resolve("serve.log"));
            try {
                var follow = InProcessCli.run(env, "follow", "musterstadt", "beispieldorf@" + dorf.publicUrl().getRawAuthority());
                assertEquals(0, follow.exitCode(), follow.stderr());
                // A cold node process delivers its first Follow: on a busy machine that took longer than await's default.
                TestNode.await("the running node delivers the Follow and gets the Accept", java.time.Duration.ofSeconds(60), () ->
                        InProcessCli.run(env, "following", "musterstadt").stdout().trim().equals(dorf.actorIri("beispieldorf").toString()));
                assertEquals(1, dorf.count("SELECT count(*) FROM follow WHERE state = 'accepted'"));

                // The other node follows us, so our post has a follower to go to.
                dorf.node().services().follows.follow(dorf.actor("beispieldorf"), URI(port));
                TestNode.await("followers lists the other node", () ->
                        InProcessCli.run(env, "followers", "musterstadt").stdout().contains(dorf.actorIri("beispieldorf").toString()));

                var post = InProcessCli.run(env, "post", "musterstadt", "Einladung zum Bürgerdialog.\n\nAm Dienstag im Rathaus.");
                assertEquals(0, post.exitCode(), post.stderr());
                String noteIri = post.stdout().trim().replace("published ", "");
                TestNode.await("the note arrives", () -> dorf.count("SELECT count(*) FROM ap_object WHERE iri = '" + noteIri + "'") == 1);

                var unfollow = InProcessCli.run(env, "unfollow", "musterstadt", dorf.actorIri("beispieldorf").toString());
                assertEquals(0, unfollow.exitCode(), unfollow.stderr());
                TestNode.await("the Undo arrives", () -> dorf.count(
                        "SELECT count(*) FROM follow WHERE followee = '" + dorf.actorIri("beispieldorf") + "'") == 0);
            } finally {
                node.destroy();
                node.waitFor(30, TimeUnit.SECONDS);
            }
            // Structured logs: with ALLMENDE_LOG_FORMAT=json every log line on stderr is a JSON object.
            long lines = 0;
            for (String line : Files.readAllLines(data.resolve("serve.log"))) {
                if (!line.startsWith("{")) continue; // JVM warnings are not ours
                GoldenJson.JSON.readTree(line);
                lines++;
            }
            assertTrue(lines > 0, "structured log lines");
        }
    }

    private static java.net.URI URI(int port) {
        return java.net.URI.create("http://127.0.0.1:" + port + "/actors/musterstadt");
    }
}
