package de.allmende.route;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Percent-encoding of path segments and query values (RFC 3986). */
public final class Encoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Encoding() {}

    /**
     * A path segment (or fragment, or query value) as it may stand in a URI: characters outside RFC
     * 3986's unreserved set are percent-encoded as UTF-8, so builders never throw, whatever a request
     * put into a handle or id. Handles and ids this node mints are unreserved already and stay as they are.
     */
    public static String segment(String s) {
        if (s == null) return "";
        for (int i = 0; i < s.length(); i++) {
            if (!unreserved(s.charAt(i))) return encode(s);
        }
        return s;
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c)) out.append(c);
            else out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** A percent-encoded value decoded as UTF-8; empty for a stray '%' or bytes that are not UTF-8. */
    public static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) return Optional.of(raw);
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return Optional.empty();
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return Optional.empty();
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return Optional.empty(); // a raw IRI query holds only ASCII
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
