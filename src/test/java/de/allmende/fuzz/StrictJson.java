package de.allmende.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;

/**
 * The fuzz oracle for "strict JSON" (issue 8, finding 9): a body the inbox accepts must be valid UTF-8
 * holding exactly one JSON value, without duplicate keys, non-finite numbers or lone surrogates.
 */
final class StrictJson {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /** Why an accepted body is not strict JSON, or empty if it is. */
    static Optional<String> violation(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("not UTF-8");
        }
        JsonNode tree;
        try {
            // Read from the decoded text, so that Jackson's own encoding detection (UTF-16, UTF-32) plays no part.
            tree = STRICT.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            return Optional.of("not exactly one JSON value without duplicate keys: " + e.getOriginalMessage());
        }
        ArrayDeque<JsonNode> todo = new ArrayDeque<>();
        todo.push(tree);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) return Optional.of("non-finite number");
            if (node.isTextual() && hasLoneSurrogate(node.textValue())) return Optional.of("lone surrogate in a string");
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (hasLoneSurrogate(property.getKey())) return Optional.of("lone surrogate in a key");
                todo.push(property.getValue());
            }
            if (node.isArray()) node.forEach(todo::push);
        }
        return Optional.empty();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
