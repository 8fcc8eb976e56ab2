package de.allmende.federation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The one reader for JSON from outside — signed inbox bodies, fetched documents, staff API bodies. A
 * body must mean one thing to us and to whoever signed it, and must be storable in PostgreSQL: exactly
 * one JSON value in strict UTF-8 (no BOM, no UTF-16, no lone surrogates, no U+0000), no duplicate keys,
 * finite numbers only, bounded nesting (see {@link Json#MAPPER}).
 */
public final class StrictJson {
    private StrictJson() {}

    /** Why a body was refused, short and safe to show to its sender. */
    public static final class Malformed extends IOException {
        Malformed(String reason) {
            super(reason, null);
        }
    }

    public static JsonNode read(byte[] bytes) throws Malformed {
        requireStrictUtf8(bytes);
        JsonNode doc;
        try {
            // Without a BOM or NUL bytes Jackson's encoding detection can only find UTF-8, as checked.
            doc = Json.MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new Malformed("nested too deeply or a number too long");
        } catch (MismatchedInputException e) {
            throw new Malformed(e.getMessage().startsWith("Trailing token") ? "content after the JSON value" : "not a JSON value");
        } catch (JsonProcessingException e) {
            throw new Malformed(e.getOriginalMessage().startsWith("Duplicate field") ? "duplicate key" : "syntax error");
        } catch (IOException e) {
            throw new Malformed("unreadable");
        }
        if (doc == null || doc.isMissingNode()) throw new Malformed("empty");
        checkValues(doc);
        return doc;
    }

    private static void requireStrictUtf8(byte[] bytes) throws Malformed {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw new Malformed("byte order mark");
        }
        for (byte b : bytes) {
            // Never valid in JSON text; UTF-16 and UTF-32 bodies are full of them.
            if (b == 0) throw new Malformed("NUL byte (only UTF-8 is accepted)");
        }
        // Decoding into a small buffer, over and over, validates without holding a copy of the body.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(bytes.length + 1, 2048));
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) throw new Malformed("not valid UTF-8");
        } while (result.isOverflow());
        if (decoder.flush(out).isError()) throw new Malformed("not valid UTF-8");
    }

    /** Escapes can still spell what the bytes may not: U+0000, lone surrogates; and 1e999999 reads as Infinity. */
    private static void checkValues(JsonNode root) throws Malformed {
        ArrayDeque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isTextual()) {
                checkText(n.textValue());
            } else if (n.isDouble() && !Double.isFinite(n.doubleValue())) {
                throw new Malformed("number out of range");
            } else if (n.isObject()) {
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    checkText(e.getKey());
                    todo.push(e.getValue());
                }
            } else if (n.isArray()) {
                n.forEach(todo::push);
            }
        }
    }

    private static void checkText(String s) throws Malformed {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) throw new Malformed("text contains U+0000");
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Malformed("lone surrogate");
            }
        }
    }
}
