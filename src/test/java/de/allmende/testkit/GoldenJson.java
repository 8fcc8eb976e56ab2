package de.allmende.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares documents with the golden examples in federation-spec/examples. Values that change per run
 * (keys, timestamps) are written as "{{any}}" in the golden file. Run with -Dgolden.update=true to
 * rewrite the files from the actual output (then review the diff).
 */
public final class GoldenJson {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ANY = "{{any}}";
    private static final Set<String> VOLATILE = Set.of("publicKeyPem", "publicKeyMultibase", "published", "updated");
    private static final Path EXAMPLES = Path.of("federation-spec", "examples");

    private GoldenJson() {}

    public static void assertMatches(String exampleName, String actualJson) {
        try {
            JsonNode actual = JSON.readTree(actualJson);
            Path file = EXAMPLES.resolve(exampleName);
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, JSON.writeValueAsString(mask(actual.deepCopy())) + "\n");
            }
            JsonNode expected = JSON.readTree(Files.readString(file));
            List<String> diffs = new ArrayList<>();
            compare("$", expected, actual, diffs);
            if (!diffs.isEmpty()) fail(exampleName + " differs:\n  " + String.join("\n  ", diffs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<String> names = o.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String k : keys) {
                if (VOLATILE.contains(k) && o.get(k).isTextual()) o.put(k, ANY);
                else mask(o.get(k));
            }
        } else if (node.isArray()) {
            node.forEach(GoldenJson::mask);
        }
        return node;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> diffs) {
        if (expected.isTextual() && ANY.equals(expected.asText())) {
            if (actual == null || actual.isNull() || actual.isMissingNode()) diffs.add(path + ": missing");
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
