package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.allmende.federation.signature.CavageSignatureHeader;
import de.allmende.federation.signature.SignatureException;
import de.allmende.federation.signature.VerificationResult.Outcome;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The draft-cavage {@code Signature} (and {@code Authorization: Signature}) header parser: whatever a
 * peer sends gives a header or a MALFORMED {@link SignatureException} (a 400), nothing else.
 */
class CavageSignatureHeaderFuzzTest {

    static Stream<Arguments> parse() {
        return Stream.of("c1-default-headers.txt", "c2-basic-headers.txt", "c3-all-headers-headers.txt")
                .flatMap(file -> Stream.concat(
                        FuzzSeeds.headerValues("vectors/cavage12/" + file, "Signature"),
                        FuzzSeeds.headerValues("vectors/cavage12/" + file, "Authorization")))
                .map(value -> Arguments.of((Object) value.getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource
    @DictionaryEntries({"keyId=\"", "algorithm=\"", "headers=\"", "signature=\"", "created=", "expires=",
            "Signature ", "hs2019", "rsa-sha256", "(request-target)", "(created)", "(expires)", "\\\"", "\","})
    @FuzzTest(maxExecutions = 200_000, maxDuration = FuzzBudget.CAP)
    void parse(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        try {
            CavageSignatureHeader header = CavageSignatureHeader.parse(value);
            assertFalse(header.keyId().isBlank(), "a parsed header names a key");
            header.coveredHeaders().forEach(name -> assertFalse(name.isEmpty(), "no empty covered header name"));
            header.toString();
        } catch (SignatureException e) {
            assertEquals(Outcome.MALFORMED, e.outcome(), "parse failures are 400s");
        }
    }
}
