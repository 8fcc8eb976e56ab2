package de.allmende.api.login;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.people.PersonInput;
import de.allmende.domain.people.Role;
import de.allmende.testkit.A11yBrowser;
import de.allmende.testkit.AxeReport;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages a person sees when an app logs in, and the page where a password is chosen, pass axe-core in a real
 * browser (Debian's chromium, driven by playwright-core from {@code src/test/interop/a11y}) with no violations, in
 * German and in English: the error page for an unknown app, the login form, its error after a wrong password, consent, the out-of-band code, the
 * password form and its error.
 */
@DisplayName("Accessibility: the login, consent and password pages pass axe-core in chromium, in German and English")
class LoginPagesAccessibilityTest {
    private static final List<String> PAGES = List.of("unknown app", "login", "login refused", "consent", "out-of-band code", "password", "password mismatch");

    @Test
    void noViolations() {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            MastodonApp.person(node, "erika", "musterstadt", Role.EDITOR);
            MastodonApp app = MastodonApp.register(node, "urn:ietf:wg:oauth:2.0:oob", "read write");
            List<Map<String, String>> runs = new ArrayList<>();
            for (String locale : List.of("de-DE", "en-US")) {
                String link = node.node().services().people.create(new PersonInput("neu-" + locale.toLowerCase(), "neu-" + locale + "@rathaus.example",
                        "musterstadt", Role.EDITOR)).passwordLink().toString();
                runs.add(Map.of("locale", locale, "unknownApp", node.url() + "/oauth/authorize?response_type=code&client_id=unbekannt&redirect_uri="
                                + "urn:ietf:wg:oauth:2.0:oob", "authorize", app.authorizeUrl("read", "s", MastodonApp.verifier()),
                        "passwordLink", link.replace(node.publicUrl().toString(), node.url())));
            }
            JsonNode result = A11yBrowser.check("login-pages", Map.of("username", "erika", "password", MastodonApp.PASSWORD, "runs", runs),
                    Duration.ofSeconds(120));

            List<String> seen = AxeReport.assertNoViolations(result);
            assertEquals(PAGES.size() * 2, seen.size(), "every page was checked: " + seen);
            assertTrue(result.toString().contains("\"status\":401"), "the refused login is the error page: " + result);
            assertTrue(result.toString().contains("\"status\":400"), "the unknown app gets the error page: " + result);
        }
    }
}
