package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.allmende.federation.signature.StructuredFields.ByteSequence;
import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.StructuredFields.Item;
import de.allmende.federation.signature.StructuredFields.Member;
import de.allmende.federation.signature.StructuredFields.Token;

@DisplayName("RFC 8941 structured fields (subset used by message signatures)")
class StructuredFieldParserTest {

    @Test
    @DisplayName("a Signature-Input dictionary with two labelled inner lists and parameters")
    void signatureInput() throws Exception {
        Map<String, Member> dict = StructuredFieldParser.parseDictionary(
                "sig1=(\"@method\" \"@authority\");created=1618884475;keyid=\"test-key-ecc-p256\", "
                        + "proxy_sig=(\"@method\");created=1618884480;alg=\"rsa-v1_5-sha256\";expires=1618884540");

        assertEquals(List.of("sig1", "proxy_sig"), List.copyOf(dict.keySet()));
        InnerList sig1 = assertInstanceOf(InnerList.class, dict.get("sig1"));
        assertEquals(List.of(new Item("@method", Map.of()), new Item("@authority", Map.of())), sig1.items());
        assertEquals(Map.of("created", 1618884475L, "keyid", "test-key-ecc-p256"), sig1.params());
        InnerList proxy = assertInstanceOf(InnerList.class, dict.get("proxy_sig"));
        assertEquals(List.of("created", "alg", "expires"), List.copyOf(proxy.params().keySet()));
    }

    @Test
    @DisplayName("byte sequences, tokens, booleans, decimals and bare keys")
    void itemTypes() throws Exception {
        Map<String, Member> dict = StructuredFieldParser.parseDictionary(
                "a=:aGVsbG8=:, b=token/x, c=?0, d=-1.5, e, f=\"q\\\"uote\";p");
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII),
                ((ByteSequence) ((Item) dict.get("a")).value()).bytes());
        assertEquals(new Token("token/x"), ((Item) dict.get("b")).value());
        assertEquals(Boolean.FALSE, ((Item) dict.get("c")).value());
        assertEquals(new BigDecimal("-1.5"), ((Item) dict.get("d")).value());
        assertEquals(Boolean.TRUE, ((Item) dict.get("e")).value());
        assertEquals(new Item("q\"uote", Map.of("p", Boolean.TRUE)), dict.get("f"));
    }

    @Test
    @DisplayName("serialization is strict: single spaces, escaped strings, bare true parameters")
    void serialization() throws Exception {
        InnerList list = (InnerList) StructuredFieldParser.parseDictionary(
                "x=(  \"a\"   \"b\\\\c\"  );n=1;t;s=\"v\"").get("x");
        assertEquals("(\"a\" \"b\\\\c\");n=1;t;s=\"v\"", StructuredFields.serialize(list));
        assertEquals(":AAE=:", StructuredFields.serialize(new Item(new ByteSequence(new byte[] {0, 1}), Map.of())));
    }

    @Test
    @DisplayName("an empty field is an empty dictionary; the last duplicate key wins")
    void emptyAndDuplicates() throws Exception {
        assertEquals(Map.of(), StructuredFieldParser.parseDictionary(""));
        assertEquals(new Item(2L, Map.of()), StructuredFieldParser.parseDictionary("a=1, a=2").get("a"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {
        "A=1", "a=1,", "a=(\"x\"", "a=\"unterminated", "a=:not base64!:", "a=?2",
        "a=1234567890123456", "a=1.2345", "a=\"\\n\"", "a=1 b=2", "a=(\"x\"\"y\")"
    })
    void rejectsMalformed(String input) {
        SignatureException e = assertThrows(SignatureException.class, () -> StructuredFieldParser.parseDictionary(input));
        assertEquals(VerificationResult.Outcome.MALFORMED, e.outcome());
    }
}
