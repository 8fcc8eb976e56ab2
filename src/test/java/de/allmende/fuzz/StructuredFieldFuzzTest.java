package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.allmende.federation.signature.SignatureException;
import de.allmende.federation.signature.SignatureParams;
import de.allmende.federation.signature.SignatureParsing;
import de.allmende.federation.signature.VerificationResult.Outcome;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The RFC 8941 structured-field parser behind {@code Signature-Input}, {@code Signature} and
 * {@code Content-Digest}: a value parses or fails with a {@link SignatureException}; what parses
 * serializes without error and reads back to the same thing (the signature base depends on that).
 */
class StructuredFieldFuzzTest {

    static Stream<Arguments> parse() {
        return Stream.concat(FuzzSeeds.names("vectors/rfc9421", ".http").stream(),
                        FuzzSeeds.names("vectors/rfc9421", "-headers.txt").stream())
                .flatMap(file -> Stream.of("Signature-Input", "Signature", "Content-Digest")
                        .flatMap(name -> FuzzSeeds.headerValues(file, name)))
                .distinct()
                .map(value -> Arguments.of((Object) value.getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource
    @DictionaryEntries({"=(", "\"@method\"", "\"@target-uri\"", "\"content-digest\"", ";created=", ";keyid=\"",
            ";alg=\"", ";expires=", ";nonce=\"", ";tag=\"", "=:", ":", "?1", "?0", "1.5", "-", "*", ", "})
    @FuzzTest(maxExecutions = 150_000, maxDuration = FuzzBudget.CAP)
    void parse(byte[] input) throws SignatureException {
        String value = new String(input, StandardCharsets.UTF_8);
        // What parses once must parse again from its serialization (outside the try: that must not fail).
        Optional<String> dictionary = canonical(value, SignatureParsing::canonicalDictionary);
        if (dictionary.isPresent()) {
            assertEquals(dictionary.get(), SignatureParsing.canonicalDictionary(dictionary.get()), "dictionary round trip");
        }
        Optional<String> item = canonical(value, SignatureParsing::canonicalItem);
        if (item.isPresent()) {
            assertEquals(item.get(), SignatureParsing.canonicalItem(item.get()), "item round trip");
        }
        List<SignatureParams> inputs;
        try {
            inputs = SignatureParsing.signatureInput(value);
        } catch (SignatureException e) {
            return; // MALFORMED or INVALID (component parameters we do not support)
        }
        for (SignatureParams params : inputs) {
            // What the signature base's last line will say must read back as the same parameters.
            String line = params.serialize();
            List<SignatureParams> again = SignatureParsing.signatureInput("sig=" + line);
            assertEquals(1, again.size(), "signature params round trip");
            assertEquals(line, again.getFirst().serialize(), "signature params round trip");
        }
    }

    private interface Parser {
        String canonical(String value) throws SignatureException;
    }

    /** The canonical form, or empty when the value does not parse (which must be a 400). */
    private static Optional<String> canonical(String value, Parser parser) {
        try {
            return Optional.of(parser.canonical(value));
        } catch (SignatureException e) {
            assertEquals(Outcome.MALFORMED, e.outcome(), "parse failures are 400s");
            return Optional.empty();
        }
    }
}
