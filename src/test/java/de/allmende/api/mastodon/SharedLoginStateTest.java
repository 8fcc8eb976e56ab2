package de.allmende.api.mastodon;

import de.allmende.domain.people.Role;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.LoginBrowser;
import de.allmende.testkit.MastodonApp;
import de.allmende.testkit.TestNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@DisplayName("Two processes of one node (behind a load balancer) share sessions, codes and the login lockout")
class SharedLoginStateTest {

    @Test
    void sessionsCodesAndLockoutAcrossProcesses() {
        try (TestNode a = TestNode.start(); TestNode b = a.sibling(Map.of())) {
            a.create(Fixtures.musterstadt());
            MastodonApp.person(a, "erika", "musterstadt", Role.EDITOR);
            MastodonApp.person(a, "leo", "musterstadt", Role.EDITOR);
            MastodonApp app = MastodonApp.register(a, "https://app.example/callback", "read");
            String verifier = MastodonApp.verifier();

            LoginBrowser browser = new LoginBrowser("de");
            HttpResponse<String> login = browser.get(app.authorizeUrl("read", "s", verifier));
            assertEquals(303, browser.submit(login, Map.of("username", "erika", "password", MastodonApp.PASSWORD, "step", "login")).statusCode());
            HttpResponse<String> consentOnB = browser.get(app.authorizeUrl("read", "s", verifier).replace(a.url(), b.url()));
            assertNotNull(Jsoup.parse(consentOnB.body()).selectFirst("fieldset"), "the session made on A is known on B");
            HttpResponse<String> back = browser.submit(consentOnB, Map.of("step", "approve"));
            String code = MastodonApp.query(back.headers().firstValue("Location").orElseThrow()).get("code");
            assertEquals(200, app.exchange(code, app.redirectUri, verifier).statusCode(), "a code made on B is exchanged on A");

            LoginBrowser guesser = new LoginBrowser("de");
            for (int i = 0; i < 5; i++) {
                TestNode target = i % 2 == 0 ? a : b;
                HttpResponse<String> page = guesser.get(app.authorizeUrl("read", "s", verifier).replace(a.url(), target.url()));
                guesser.submit(page, Map.of("username", "leo", "password", "falsch", "step", "login"));
            }
            for (TestNode target : new TestNode[]{a, b}) {
                HttpResponse<String> page = guesser.get(app.authorizeUrl("read", "s", verifier).replace(a.url(), target.url()));
                assertEquals(429, guesser.submit(page, Map.of("username", "leo", "password", MastodonApp.PASSWORD, "step", "login")).statusCode(),
                        "five failures spread over both processes lock the account on both");
            }
        }
    }
}
