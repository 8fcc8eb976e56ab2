package de.allmende.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization of a Jackson tree.
 *
 * <p>The canonicalizer library parses JSON text itself, so the tree is written out first. That
 * round trip is deliberate: JCS defines numbers by their IEEE-754 double value, and letting the
 * library re-read them applies exactly that rule regardless of how Jackson stored the number.
 */
final class Jcs {

    // ObjectWriter is immutable and thread-safe, so sharing one is not shared mutable state.
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private Jcs() {}

    /**
     * @throws IOException if the tree holds something JCS cannot represent: a number outside
     *     double range, or a lone UTF-16 surrogate (I-JSON forbids it, and a lenient encoder
     *     would turn it into "?" so that two different documents hashed alike)
     */
    static byte[] canonicalize(JsonNode node) throws IOException {
        String canonical = new JsonCanonicalizer(WRITER.writeValueAsString(node)).getEncodedString();
        ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(canonical));
        return Arrays.copyOfRange(utf8.array(), utf8.position(), utf8.limit());
    }
}
