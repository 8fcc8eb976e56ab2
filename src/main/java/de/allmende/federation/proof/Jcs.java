package de.allmende.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
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

    /** @throws IOException if the tree holds something JCS cannot represent (e.g. a huge number) */
    static byte[] canonicalize(JsonNode node) throws IOException {
        return new JsonCanonicalizer(WRITER.writeValueAsString(node)).getEncodedUTF8();
    }
}
