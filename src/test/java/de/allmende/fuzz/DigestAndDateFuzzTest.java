package de.allmende.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.allmende.federation.signature.ContentDigest;
import de.allmende.federation.signature.DigestHeader;
import de.allmende.federation.signature.SignatureException;
import de.allmende.federation.signature.SignatureParsing;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The body digest headers ({@code Digest}, RFC 9530 {@code Content-Digest}) and the {@code Date}
 * header: one value is offered to all three readers; each answers with a result or a
 * {@link SignatureException}, never anything else.
 */
class DigestAndDateFuzzTest {
    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> readHeaders() {
        return Stream.of(
                        FuzzSeeds.headerValues("vectors/cavage12/test-request.http", "Digest"),
                        FuzzSeeds.headerValues("vectors/cavage12/test-request.http", "Date"),
                        FuzzSeeds.headerValues("vectors/rfc9421/test-request.http", "Content-Digest"),
                        FuzzSeeds.headerValues("vectors/rfc9421/section-4.3-signed-request.http", "Content-Digest"),
                        Stream.of("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, md5=:AAAA:",
                                "Sun, 6 Nov 1994 08:49:37 GMT"))
                .flatMap(s -> s)
                .map(value -> Arguments.of((Object) value.getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource
    @DictionaryEntries({"SHA-256=", "sha-256=:", "sha-512=:", "GMT", "Mon, ", "Feb ", "2021 "})
    @FuzzTest(maxExecutions = 200_000, maxDuration = FuzzBudget.CAP)
    void readHeaders(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        try {
            DigestHeader.check(value, BODY);
        } catch (SignatureException expected) {
            // a digest that does not match or cannot be read: 400/401
        }
        try {
            ContentDigest.check(value, BODY);
        } catch (SignatureException expected) {
            // likewise
        }
        // The Date reader has a fast path for the exact IMF-fixdate form; it must agree with the general parser.
        assertEquals(generalParser(value), httpDate(value), "fast and general Date parsing agree");
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(SignatureParsing.httpDate(value));
        } catch (SignatureException e) {
            return Optional.empty(); // an unreadable Date: 401
        }
    }

    private static Optional<Instant> generalParser(String value) {
        try {
            return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
