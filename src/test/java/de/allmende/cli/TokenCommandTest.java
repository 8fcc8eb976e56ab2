package de.allmende.cli;

import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Issuing, listing and revoking staff API tokens from the command line while the node runs")
class TokenCommandTest {

    @Test
    void issueUseListAndRevoke() throws Exception {
        Path data = Files.createTempDirectory("allmende-cli-token");
        int port = TestNode.freePort();
        Map<String, String> env = NodeProcess.envOnSharedDatabase(data, port);
        assertEquals(0, InProcessCli.run(env, "actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt").exitCode());

        var issued = InProcessCli.run(env, "token", "issue", "musterstadt", "--scope", "write:media", "--scope", "read:content",
                "--label", "CMS Rathaus");
        assertEquals(0, issued.exitCode(), issued.stderr());
        String token = issued.stdout().strip();
        assertTrue(token.matches("alm_[A-Za-z0-9_-]{43}"), "only the token on stdout: " + issued.stdout());
        assertTrue(issued.stderr().contains("for @musterstadt (read:content write:media)"), issued.stderr());

        var unknownScope = InProcessCli.run(env, "token", "issue", "musterstadt", "--scope", "admin");
        assertEquals(ErrorHandler.INVALID_INPUT, unknownScope.exitCode());
        assertTrue(unknownScope.stderr().contains("--scope: unknown scope 'admin'"), unknownScope.stderr());

        Process node = NodeProcess.serve(env, data.resolve("serve.log"));
        try {
            String media = "http://127.0.0.1:" + port + "/api/allmende/v1/media/" + UUID.randomUUID();
            assertEquals(404, status(media, token), "the token is accepted");
            assertEquals(401, status(media, token + "x"));

            var listed = InProcessCli.run(env, "token", "list", "musterstadt");
            assertTrue(listed.stdout().matches("(?s)1\tread:content write:media\tCMS Rathaus\tcreated \\S+\tlast used 20\\S+\tactive\n"),
                    listed.stdout());

            var revoked = InProcessCli.run(env, "token", "revoke", "1");
            assertEquals(0, revoked.exitCode(), revoked.stderr());
            assertEquals(401, status(media, token), "revoked while the node runs");
            assertTrue(InProcessCli.run(env, "token", "list", "musterstadt").stdout().contains("\trevoked 20"));
        } finally {
            node.destroy();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.readString(data.resolve("serve.log")).contains(token.substring(4)), "the token appears in the log");
    }

    private static int status(String url, String token) {
        return TestNode.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build()).statusCode();
    }
}
