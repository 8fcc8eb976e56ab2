package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * masto.js, the TypeScript Mastodon client library Elk and Phanpy build on, run by Node.js from
 * {@code src/test/interop/mastojs} (pinned in its package-lock; installed with {@code npm ci} on first use).
 */
public final class MastoJsClient {
    public static final String DIR = "src/test/interop/mastojs";

    private MastoJsClient() {}

    /** Runs {@code script} with the node's URL and returns the one JSON line it prints. */
    public static JsonNode run(String script, String nodeUrl) {
        return run(script, nodeUrl, new String[0]);
    }

    /** Starts {@code script} for a conversation (it asks for the authorization code, say); the caller closes it. */
    public static ExternalProgram start(String script, String... args) {
        return NodeScripts.start(DIR, "masto", script, args);
    }

    /** Runs {@code script} with the node's URL and further arguments (a token, say); returns the JSON line it prints. */
    public static JsonNode run(String script, String nodeUrl, String... args) {
        List<String> arguments = new ArrayList<>(List.of(nodeUrl));
        arguments.addAll(List.of(args));
        return NodeScripts.run(DIR, "masto", Duration.ofSeconds(60), script, arguments.toArray(String[]::new));
    }
}
