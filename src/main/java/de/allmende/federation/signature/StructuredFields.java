package de.allmende.federation.signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of RFC 8941 Structured Field values that HTTP Message Signatures use: the data
 * model and strict serialization. Parsing lives in {@link StructuredFieldParser}.
 *
 * <p>Bare item values are represented as {@link Long} (Integer), {@link BigDecimal} (Decimal),
 * {@link String} (String), {@link Token}, {@link Boolean} and {@link ByteSequence}.
 */
final class StructuredFields {

    private StructuredFields() {
    }

    /** A dictionary or list member: an item or an inner list. */
    sealed interface Member permits Item, InnerList {
        Map<String, Object> params();
    }

    /** A bare item with its parameters. */
    record Item(Object value, Map<String, Object> params) implements Member {
        Item {
            checkBareItem(value);
            params = copyParams(params);
        }
    }

    /** A parenthesized list of items with parameters on the list itself. */
    record InnerList(List<Item> items, Map<String, Object> params) implements Member {
        InnerList {
            items = List.copyOf(items);
            params = copyParams(params);
        }
    }

    /** An sf-token, kept distinct from sf-string because they serialize differently. */
    record Token(String value) {
        Token {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An sf-binary value. */
    record ByteSequence(byte[] bytes) {
        ByteSequence {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteSequence that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "ByteSequence[" + bytes.length + " bytes]";
        }
    }

    private static Map<String, Object> copyParams(Map<String, Object> params) {
        // Order matters: signature bases re-serialize parameters exactly as received.
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            checkKey(key);
            checkBareItem(value);
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    static void checkBareItem(Object value) {
        if (!(value instanceof Long || value instanceof BigDecimal || value instanceof String
                || value instanceof Token || value instanceof Boolean || value instanceof ByteSequence)) {
            throw new IllegalArgumentException("not a structured field bare item: "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty() || !(isLcAlpha(key.charAt(0)) || key.charAt(0) == '*')) {
            throw new IllegalArgumentException("bad structured field key");
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(isLcAlpha(c) || Character.isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*')) {
                throw new IllegalArgumentException("bad structured field key");
            }
        }
    }

    static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Serializes an inner list with its parameters (RFC 8941 section 4.1.1.1). */
    static String serialize(InnerList list) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            serializeItem(list.items().get(i), out);
        }
        out.append(')');
        serializeParams(list.params(), out);
        return out.toString();
    }

    /** Serializes an item with its parameters (RFC 8941 section 4.1.3). */
    static String serialize(Item item) {
        StringBuilder out = new StringBuilder();
        serializeItem(item, out);
        return out.toString();
    }

    private static void serializeItem(Item item, StringBuilder out) {
        serializeBareItem(item.value(), out);
        serializeParams(item.params(), out);
    }

    private static void serializeParams(Map<String, Object> params, StringBuilder out) {
        params.forEach((key, value) -> {
            out.append(';').append(key);
            // A true boolean parameter is written as the bare key.
            if (!Boolean.TRUE.equals(value)) {
                out.append('=');
                serializeBareItem(value, out);
            }
        });
    }

    private static void serializeBareItem(Object value, StringBuilder out) {
        switch (value) {
            case Long l -> {
                if (Math.abs(l) > 999_999_999_999_999L) {
                    throw new IllegalArgumentException("integer out of range");
                }
                out.append(l);
            }
            case BigDecimal d -> {
                BigDecimal rounded = d.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
                String text = rounded.scale() <= 0 ? rounded.setScale(1).toPlainString() : rounded.toPlainString();
                out.append(text);
            }
            case String s -> {
                out.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 || c > 0x7e) {
                        throw new IllegalArgumentException("string has non-printable or non-ASCII characters");
                    }
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
            case Token t -> out.append(t.value());
            case Boolean b -> out.append(b ? "?1" : "?0");
            case ByteSequence bytes -> out.append(':').append(Base64.getEncoder().encodeToString(bytes.bytes())).append(':');
            default -> throw new IllegalArgumentException("not a bare item");
        }
    }
}
