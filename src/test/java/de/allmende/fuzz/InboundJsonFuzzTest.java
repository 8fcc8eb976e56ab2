package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.content.AsToContent;
import de.allmende.federation.inbox.InboxPipeline;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.support.ApiException;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading what peers send as JSON: the inbox's parse stage ({@link InboxPipeline#parse}) answers with an
 * activity or a 4xx {@link ApiException}, the view of an accepted activity is read or refused as malformed, and the readers of received documents (actors, Allmende
 * content) give a value or empty. Nothing else may escape: anything else would be a 500.
 */
class InboundJsonFuzzTest {

    /**
     * The strict-JSON contract (no trailing content, finite numbers, UTF-8 only, no duplicate keys or
     * lone surrogates) is asserted once the inbox reader rejects trailing content, i.e. once the
     * strict-JSON work of issue 8 has landed; {@code -Dfuzz.strictJson=true} asserts it regardless.
     */
    private static final boolean STRICT_JSON = Boolean.getBoolean("fuzz.strictJson")
            || rejects("{\"id\":\"https://a.example/1\",\"type\":\"Like\",\"actor\":\"https://a.example/u\"} {}");

    static Stream<Arguments> read() {
        return Stream.of(FuzzSeeds.files("realworld", ".json"), FuzzSeeds.files("federation-spec/examples", ".json"),
                        FuzzSeeds.files("vectors/fep-8b32", ".json"))
                .flatMap(list -> list.stream())
                .map(body -> Arguments.of((Object) body));
    }

    @MethodSource
    @DictionaryEntries({"\"id\":", "\"type\":", "\"actor\":", "\"object\":", "\"kind\":", "\"attributedTo\":",
            "\"https://a.example/", "\"publicKey\":", "\"assertionMethod\":", "\"inbox\":", "\"Person\"", "\"Create\"",
            "\"project\"", "\"event\"", "\"\\u0000\"", "\\ud800", "1e999999", "[", "{", "}", "]"})
    @FuzzTest(maxExecutions = 100_000, maxDuration = FuzzBudget.CAP)
    void read(byte[] body) {
        try {
            InboundActivity activity = InboxPipeline.parse(body);
            if (STRICT_JSON) {
                Optional<String> violation = StrictJson.violation(body);
                assertTrue(violation.isEmpty(), () -> "the inbox accepted a body that is not strict JSON: " + violation.get());
            }
            readView(activity);
            readDocument(activity.raw().get("object"));
        } catch (ApiException e) {
            assertTrue(e.status() >= 400 && e.status() < 500, () -> "parse answered " + e.status());
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(body); // how fetched actor and object documents are read
        } catch (IOException e) {
            return;
        }
        readDocument(document);
    }

    /** The worker's view stage gives a view, nothing (a type it ignores) or Malformed (refused for good); no other exception. */
    private static void readView(InboundActivity activity) {
        try {
            AsToInboundActivity.view(activity);
        } catch (AsToInboundActivity.Malformed refused) {
            // the activity lacks what its type requires: the worker marks it failed
        }
    }

    private static void readDocument(JsonNode document) {
        if (document == null) return;
        AsToRemoteActor.convert(document);
        if (document.isObject()) {
            AsToContent.convert(document);
            Json.isPublic(document);
        }
    }

    private static boolean rejects(String body) {
        try {
            InboxPipeline.parse(body.getBytes(StandardCharsets.UTF_8));
            return false;
        } catch (ApiException e) {
            return true;
        }
    }
}
