package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.Role;
import de.allmende.testkit.DebianTools;
import de.allmende.testkit.ExternalProgram;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.NodeScripts;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mastodon clients nobody here wrote, as Debian ships them, against a node over real HTTP: a script on Mastodon.py
 * ({@code python3-mastodon}) and the {@code toot} command line. Each registers itself, sends the person through
 * the node's real login and consent pages and then reads as it always does. Missing packages fail the test with
 * what to install.
 */
@DisplayName("Independent clients: Mastodon.py and toot log in through the login page and read")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndependentClientsTest {
    private static final Duration PROGRAM = Duration.ofSeconds(60);
    private static TestNode node;
    private static final List<URI> notes = new ArrayList<>();
    private static Path tootConfig;

    @BeforeAll
    static void start() throws IOException {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.create(Fixtures.beispieldorf());
        MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
        for (String text : List.of("Erster Beitrag", "Zweiter Beitrag", "Dritter Beitrag")) {
            notes.add(node.node().services().notes.publish(node.actor("musterstadt"), "<p>" + text + "</p>"));
        }
        tootConfig = Files.createTempDirectory("toot-config");
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) node.close();
        if (tootConfig != null) {
            try (var files = Files.walk(tootConfig)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("Mastodon.py: app, login with PKCE, verify_credentials, instance, home (two pages) and public timelines, thread, lookup")
    void mastodonPy() {
        JsonNode seen = mastodonPySession();
        assertEquals("musterstadt", seen.at("/me/acct").asText(), seen.toString());
        assertEquals("public", seen.at("/me/privacy").asText());
        assertTrue(seen.at("/instance/version").asText().startsWith("4.2.0"), seen.toString());
        List<String> home = texts(seen.path("home"));
        List<String> older = texts(seen.path("older"));
        assertEquals(2, home.size(), seen.toString());
        assertEquals(1, older.size(), "the next page by the Link header: " + seen);
        assertTrue(Long.parseLong(older.getFirst()) < Long.parseLong(home.getLast()), "older posts on the next page");
        assertEquals(3, texts(seen.path("public")).size());
        assertEquals(3, texts(seen.path("own")).size());
        assertEquals(home.getFirst(), seen.at("/status/id").asText());
        assertEquals("<p>Dritter Beitrag</p>", seen.at("/status/content").asText());
        assertEquals("beispieldorf", seen.at("/other/acct").asText());
    }

    /** The write path (issue 10, stage 3) as Mastodon.py drives it: media, statuses, favourites, boosts, polls. */
    @Test
    @Order(4)
    @DisplayName("Mastodon.py writes: an image with its description, a status with it, a reply, a favourite, a boost, a poll")
    void mastodonPyWrites() throws IOException {
        Path image = Files.createTempFile("lageplan", ".png");
        Files.write(image, SampleFiles.png());
        JsonNode written = mastodonPySession(image.toString()).path("written");
        Files.delete(image);
        assertEquals("image", written.at("/media/type").asText(), written.toString());
        assertEquals("Lageplan des Spielplatzes", written.at("/media/description").asText());
        assertEquals(1, written.at("/post/attachments").asInt());
        assertEquals("public", written.at("/post/visibility").asText());
        assertEquals(written.at("/post/id").asText(), written.at("/reply/in_reply_to_id").asText());
        assertTrue(written.path("favourited").asBoolean());
        assertTrue(written.at("/boost/reblogged").asBoolean());
        assertEquals(written.at("/post/id").asText(), written.at("/boost/of").asText());
        assertEquals(List.of("Sonnenwiese", "Kastanienhof"), texts(written.at("/poll/options")));
    }

    /**
     * Mastodon.py's session ({@code session.py}): it registers an app and prints the authorize URL; the person logs in
     * and consents on the node's pages; the code goes back to the script, which reads (and, given an image, writes).
     */
    private static JsonNode mastodonPySession(String... image) {
        Path python = DebianTools.mastodonPy();
        Path dir = ExternalProgram.repoRoot().resolve("src/test/interop/mastodonpy");
        List<String> command = new ArrayList<>(List.of(python.toString(), "session.py", node.url(), "beispieldorf"));
        command.addAll(List.of(image));
        try (ExternalProgram script = ExternalProgram.start(dir, Map.of("PYTHONDONTWRITEBYTECODE", "1"), command.toArray(String[]::new))) {
            JsonNode started = NodeScripts.lastJsonLine("session.py", script.expect("\\{\"authorize\".*\\n", PROGRAM).group());
            String authorize = started.path("authorize").asText();
            assertTrue(authorize.startsWith(node.url() + "/oauth/authorize?") && authorize.contains("code_challenge_method=S256"), authorize);
            assertEquals("4.2.0", started.path("version").asText(), "Mastodon.py parses the version we report");
            script.answer(MastodonApp.authorize(new LoginBrowser("de"), authorize, "erika"));
            return NodeScripts.lastJsonLine("session.py", script.finish(PROGRAM));
        }
    }

    @Test
    @Order(2)
    @DisplayName("toot: login through the browser, out of band (the person copies the code), whoami, home and local timelines")
    void tootLogsInAndReads() {
        Path toot = DebianTools.toot();
        String instance = URI.create(node.url()).getRawAuthority();
        try (ExternalProgram login = ExternalProgram.start(tootConfig, tootEnv(), toot.toString(), "login",
                "--instance", instance, "--disable-https")) {
            String url = login.expect("(http://\\S+/oauth/authorize/?\\?\\S+)", PROGRAM).group(1);
            login.expect("\\[Y/n\\]", PROGRAM);
            login.answer("n");
            login.expect("Authorization code: ", PROGRAM);
            login.answer(MastodonApp.authorize(new LoginBrowser("en"), url, "erika"));
            assertTrue(login.finish(PROGRAM).contains("Successfully logged in"), login.output());
        }
        String whoami = toot("whoami");
        assertTrue(whoami.startsWith("@musterstadt " + node.actor("musterstadt").displayName()), whoami);
        assertTrue(whoami.contains("Statuses: 3"), whoami);
        String home = toot("timeline", "--once", "--count", "2");
        assertTrue(home.contains("Dritter Beitrag") && home.contains("Zweiter Beitrag") && !home.contains("Erster Beitrag"), home);
        assertTrue(toot("timeline", "--public", "--local", "--once").contains("Erster Beitrag"));
    }

    /**
     * Needs {@code POST /api/v1/statuses} (the write path, issue 10, stage 3): enable when it is merged.
     */
    @Test
    @Order(3)
    @DisplayName("toot: posts a status, which the home timeline then shows and the account counts")
    void tootPosts() {
        String posted = toot("post", "Grüße von der Kommandozeile");
        assertTrue(posted.contains("Toot posted: " + node.url() + "/"), posted);
        assertTrue(toot("timeline", "--once", "--count", "1").contains("Grüße von der Kommandozeile"));
        assertTrue(toot("whoami").contains("Statuses: 4"));
    }

    /** A toot command with the account {@link #tootLogsInAndReads} logged in. */
    private static String toot(String... args) {
        List<String> command = new ArrayList<>(List.of(DebianTools.toot().toString()));
        command.addAll(List.of(args));
        return ExternalProgram.run(tootConfig, PROGRAM, tootEnv(), command.toArray(String[]::new));
    }

    /** toot keeps its apps and tokens under $XDG_CONFIG_HOME/toot: a folder of the test's own, never the user's. */
    private static Map<String, String> tootEnv() {
        return Map.of("XDG_CONFIG_HOME", tootConfig.toString(), "COLUMNS", "200", "LANG", "C.UTF-8");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
