package de.allmende.cli;

import de.allmende.testkit.InProcessCli;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.NodeProcess;
import de.allmende.testkit.TestNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("People from the command line: create, list, reset-password and disable; passwords only ever chosen on a one-time link")
class UserCommandTest {
    private static final String PASSWORD = "ein-sehr-langes-passwort";

    @Test
    void createChooseListResetDisable() throws Exception {
        Path data = Files.createTempDirectory("allmende-cli-user");
        int port = TestNode.freePort();
        Map<String, String> env = NodeProcess.envOnSharedDatabase(data, port);
        assertEquals(0, InProcessCli.run(env, "actor", "create", "--handle", "musterstadt", "--name", "Stadt Musterstadt").exitCode());

        var created = InProcessCli.run(env, "user", "create", "--username", "erika", "--email", "erika@rathaus.example",
                "--municipality", "musterstadt", "--role", "admin");
        assertEquals(0, created.exitCode(), created.stderr());
        String link = created.stdout().strip();
        assertTrue(link.matches("http://127\\.0\\.0\\.1:" + port + "/auth/password\\?token=[A-Za-z0-9_-]{43}"), created.stdout());
        assertTrue(created.stderr().contains("one-time link for erika"), created.stderr());

        assertEquals(ErrorHandler.INVALID_INPUT, InProcessCli.run(env, "user", "create", "--username", "erika", "--email", "x@y.example",
                "--municipality", "musterstadt").exitCode(), "usernames are unique");
        assertEquals(ErrorHandler.INVALID_INPUT, InProcessCli.run(env, "user", "create", "--username", "x", "--email", "x@y.example",
                "--municipality", "nirgendwo").exitCode());
        assertEquals(ErrorHandler.INVALID_INPUT, InProcessCli.run(env, "user", "create", "--username", "y", "--email", "y@y.example",
                "--municipality", "musterstadt", "--role", "owner").exitCode());

        var listed = InProcessCli.run(env, "user", "list");
        assertEquals("erika\terika@rathaus.example\tadmin@musterstadt\tno password yet\tactive\n", listed.stdout());

        Process node = NodeProcess.serve(env, data.resolve("serve.log"));
        try {
            LoginBrowser browser = new LoginBrowser("de");
            HttpResponse<String> page = browser.get(link);
            assertEquals(200, page.statusCode(), page.body());
            HttpResponse<String> tooShort = browser.submit(page, Map.of("password", "kurz", "repeat", "kurz"));
            assertEquals(400, tooShort.statusCode());
            HttpResponse<String> mismatch = browser.submit(page, Map.of("password", PASSWORD, "repeat", PASSWORD + "!"));
            assertEquals(400, mismatch.statusCode());
            HttpResponse<String> chosen = browser.submit(page, Map.of("password", PASSWORD, "repeat", PASSWORD));
            assertEquals(200, chosen.statusCode(), chosen.body());
            assertEquals(410, browser.get(link).statusCode(), "a link works once");
            assertTrue(InProcessCli.run(env, "user", "list").stdout().contains("\tpassword set\tactive"));

            var reset = InProcessCli.run(env, "user", "reset-password", "erika");
            assertEquals(0, reset.exitCode(), reset.stderr());
            String resetLink = reset.stdout().strip();
            assertFalse(resetLink.equals(link));
            HttpResponse<String> resetPage = browser.get(resetLink);
            assertEquals(200, resetPage.statusCode());
            assertTrue(Jsoup.parse(resetPage.body()).text().contains("erika"));

            var disabled = InProcessCli.run(env, "user", "disable", "erika");
            assertEquals(0, disabled.exitCode(), disabled.stderr());
            assertTrue(InProcessCli.run(env, "user", "list").stdout().contains("\tdisabled 20"));
            assertEquals(410, browser.get(resetLink).statusCode(), "a disabled person's link no longer works");
        } finally {
            node.destroy();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(data.resolve("serve.log"));
        assertFalse(log.contains(PASSWORD), "the password appears in the log");
        assertFalse(log.contains(link.substring(link.indexOf("token=") + 6)), "the link's secret appears in the log");
    }
}
