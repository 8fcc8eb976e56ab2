package de.allmende.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The accessibility checks' browser: one headless Debian chromium per test JVM, driven by playwright-core
 * ({@code src/test/interop/a11y/browser.mjs}), shared by the page checks one after another, each in browser contexts of
 * its own. Launching chromium and Node.js cost more CPU than the pages a check visits (2.9 s against about 1 s on a
 * 2-core virtual machine), and five classes check pages. Closed when the JVM ends; started again after it died.
 */
public final class A11yBrowser {
    private static final String DIR = "src/test/interop/a11y";
    private static ExternalProgram browser;
    private static int lastId;
    private static boolean stopsWithTheJvm;
    /** One JSON document a line (the test kit's own mapper indents). */
    private static final ObjectMapper LINES = new ObjectMapper();

    private A11yBrowser() {}

    /** Runs {@code script}'s check (filter-page, login-pages, search-page) with {@code plan}; returns what it answered. */
    public static synchronized JsonNode check(String script, Map<String, ?> plan, Duration timeout) {
        JsonNode result = ask(script, plan, timeout);
        if (result.has("error")) throw new AssertionError(script + " failed in the browser: " + result.path("error").asText());
        return result;
    }

    private static JsonNode ask(String script, Map<String, ?> plan, Duration timeout) {
        if (browser == null) start();
        int id = ++lastId;
        try {
            browser.answer(LINES.writeValueAsString(Map.of("id", id, "script", script, "plan", plan)));
            Matcher answer = browser.expect("RESULT " + id + " (\\{.*\\})\\n", timeout);
            return LINES.readTree(answer.group(1));
        } catch (JsonProcessingException e) {
            stop();
            throw new AssertionError(script + ": " + e.getMessage(), e);
        } catch (AssertionError | RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static void start() {
        browser = NodeScripts.start(DIR, "playwright-core", "browser.mjs", DebianTools.chromium().toString());
        if (!stopsWithTheJvm) Runtime.getRuntime().addShutdownHook(new Thread(A11yBrowser::stop, "a11y-browser-stop"));
        stopsWithTheJvm = true;
    }

    /** A browser that timed out or ended is not asked again: the next check starts a new one. */
    private static synchronized void stop() {
        if (browser == null) return;
        browser.close();
        browser = null;
    }
}
