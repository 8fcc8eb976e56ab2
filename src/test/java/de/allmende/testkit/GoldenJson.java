package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares documents with the golden examples in federation-spec/examples. Values that change per run
 * (keys, timestamps, proof values) are written as "{{any}}" in the golden file; inside a longer string
 * "{{any}}" stands for the part that changes, e.g. the UUID in "https://muni.example/objects/{{any}}".
 * Run with -Dgolden.update=true to rewrite the files from the actual output (then review the diff).
 */
public final class GoldenJson {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Golden documents come from a node at this URL (see {@link TestNode#startAs}). */
    public static final String HOST = "https://muni.example";
    private static final String ANY = "{{any}}";
    private static final Set<String> VOLATILE = Set.of("publicKeyPem", "publicKeyMultibase", "published", "updated",
            "created", "proofValue");
    /** Ids the node makes per run (objects, activities, media) inside its own URLs. */
    private static final Pattern LOCAL_ID = Pattern.compile("(" + Pattern.quote(HOST) + "/[a-z]+/)"
            + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Path EXAMPLES = Path.of("federation-spec", "examples");
    private static final String SAMPLE_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final java.util.Map<String, String> SAMPLES = java.util.Map.of(
            "published", "2026-02-01T09:30:00Z", "updated", "2026-02-02T10:00:00Z", "created", "2026-02-01T09:30:00Z",
            "proofValue", "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKTHn2JHgZCvT4fK7");
    private static final List<String> TOP_FIRST = List.of("@context", "id", "type", "kind", "name", "attributedTo", "url");
    private static final List<String> NESTED_FIRST = List.of("id", "type", "name");

    private GoldenJson() {}

    public static void assertMatches(String exampleName, String actualJson) {
        try {
            JsonNode actual = JSON.readTree(actualJson);
            Path file = EXAMPLES.resolve(exampleName);
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(ordered(mask(actual.deepCopy()), TOP_FIRST)) + "\n");
            }
            JsonNode expected = JSON.readTree(Files.readString(file));
            List<String> diffs = new ArrayList<>();
            compare("$", expected, actual, diffs);
            if (!diffs.isEmpty()) fail(exampleName + " differs:\n  " + String.join("\n  ", diffs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewritten files read well: identity first, the other keys sorted, the proof last (order does not matter to JSON). */
    private static JsonNode ordered(JsonNode node, List<String> first) {
        if (node instanceof ObjectNode o) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            keys.sort(java.util.Comparator.<String>comparingInt(k -> rank(k, first)).thenComparing(k -> k));
            for (String k : keys) sorted.set(k, ordered(o.get(k), NESTED_FIRST));
            return sorted;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(item -> copy.add(ordered(item, NESTED_FIRST)));
            return copy;
        }
        return node;
    }

    private static int rank(String key, List<String> first) {
        int i = first.indexOf(key);
        if (i >= 0) return i;
        return key.equals("proof") ? first.size() + 1 : first.size();
    }

    /**
     * A golden example with a sample value for each "{{any}}" (a time, a proof value, a UUID in an
     * id), so the example can be read or validated as a document of its own.
     */
    public static JsonNode example(String exampleName) {
        try {
            return instantiate(JSON.readTree(Files.readString(EXAMPLES.resolve(exampleName))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode instantiate(JsonNode node) {
        return rewriteStrings(node, (key, value) -> value.equals(ANY) && key != null
                ? SAMPLES.getOrDefault(key, SAMPLE_ID) : value.replace(ANY, SAMPLE_ID));
    }

    private static JsonNode mask(JsonNode node) {
        return rewriteStrings(node, (key, value) -> key != null && VOLATILE.contains(key) ? ANY : maskIds(value));
    }

    /** Replaces every string in the tree (in place) by {@code rewrite(its key or null in an array, the string)}. */
    private static JsonNode rewriteStrings(JsonNode node, java.util.function.BinaryOperator<String> rewrite) {
        if (node instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode v = o.get(k);
                if (v.isTextual()) o.put(k, rewrite.apply(k, v.asText()));
                else rewriteStrings(v, rewrite);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) a.set(i, rewrite.apply(null, a.get(i).asText()));
                else rewriteStrings(a.get(i), rewrite);
            }
        }
        return node;
    }

    /** UUIDs in this node's own URLs, also inside HTML (a file link in content). */
    private static String maskIds(String s) {
        return LOCAL_ID.matcher(s).replaceAll("$1" + ANY);
    }

    /** "a{{any}}b" → a regex matching "a", then at least one character, then "b". */
    private static Pattern wildcard(String expected) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split(Pattern.quote(ANY), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append(".+?");
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> diffs) {
        if (expected.isTextual() && ANY.equals(expected.asText())) {
            if (actual == null || actual.isNull() || actual.isMissingNode()) diffs.add(path + ": missing");
            return;
        }
        if (expected.isTextual() && expected.asText().contains(ANY)) {
            if (actual == null || !actual.isTextual() || !wildcard(expected.asText()).matcher(actual.asText()).matches()) {
                diffs.add(path + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        if (actual == null || expected.getNodeType() != actual.getNodeType()) {
            diffs.add(path + ": expected " + expected + " but was " + actual);
        } else if (expected.isObject()) {
            Set<String> seen = new java.util.HashSet<>();
            expected.fieldNames().forEachRemaining(k -> {
                seen.add(k);
                compare(path + "." + k, expected.get(k), actual.get(k), diffs);
            });
            actual.fieldNames().forEachRemaining(k -> { if (!seen.contains(k)) diffs.add(path + "." + k + ": unexpected"); });
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) diffs.add(path + ": expected " + expected.size() + " items but was " + actual.size());
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) compare(path + "[" + i + "]", expected.get(i), actual.get(i), diffs);
        } else if (!expected.equals(actual)) {
            diffs.add(path + ": expected " + expected + " but was " + actual);
        }
    }
}
