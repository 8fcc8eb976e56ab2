package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import de.allmende.federation.signature.VerificationResult.Outcome;

@DisplayName("RFC 9530 Content-Digest")
class ContentDigestTest {

    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("sha-256 of the RFC example body")
    void create() {
        assertEquals("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", ContentDigest.sha256(BODY));
    }

    @Test
    @DisplayName("accepts matching sha-256 or sha-512 entries and ignores unknown algorithms")
    void accepts() throws Exception {
        ContentDigest.check("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", BODY);
        ContentDigest.check("md5=:AAAA:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", BODY);
        ContentDigest.check("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:", BODY);
    }

    @Test
    @DisplayName("a mismatch or no supported algorithm is INVALID; an unparseable field is MALFORMED")
    void rejects() {
        assertEquals(Outcome.INVALID, assertThrows(SignatureException.class,
                () -> ContentDigest.check(ContentDigest.sha256(BODY), "{}".getBytes(StandardCharsets.UTF_8))).outcome());
        assertEquals(Outcome.INVALID, assertThrows(SignatureException.class,
                () -> ContentDigest.check("md5=:AAAA:", BODY)).outcome());
        assertEquals(Outcome.MALFORMED, assertThrows(SignatureException.class,
                () -> ContentDigest.check("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", BODY)).outcome());
        assertEquals(Outcome.MALFORMED, assertThrows(SignatureException.class,
                () -> ContentDigest.check("sha-256=\"X48E\"", BODY)).outcome());
    }
}
