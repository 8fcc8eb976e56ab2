package de.allmende.federation.signature;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Date header parser: its quick path for the usual form must agree with the general RFC 1123 parser. */
class HttpDatesTest {

    @Test
    void readsWhatItWritesAndAgreesWithTheGeneralParser() throws SignatureException {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 32_503_680_000L)); // years 1970 to 2999
            String header = HttpDates.format(t);
            assertEquals(t, HttpDates.parse(header), header);
            assertEquals(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header, Instant::from), HttpDates.parse(header), header);
        }
    }

    @Test
    void acceptsTheLenientFormsAsBefore() throws SignatureException {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertEquals(expected, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(expected, HttpDates.parse("  Sun, 6 Nov 1994 08:49:37 GMT "));
        assertEquals(expected, HttpDates.parse("6 Nov 1994 08:49:37 GMT"));
        assertEquals(expected, HttpDates.parse("Sun, 06 Nov 1994 09:49:37 +0100"));
    }

    @Test
    void rejectsWrongWeekdaysAndImpossibleDates() {
        assertThrows(SignatureException.class, () -> HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT"));
        assertThrows(SignatureException.class, () -> HttpDates.parse("Sun, 31 Nov 1994 08:49:37 GMT"));
        assertThrows(SignatureException.class, () -> HttpDates.parse("Sun, 06 Nov 1994 24:49:37 GMT"));
        assertThrows(SignatureException.class, () -> HttpDates.parse("Sun, 06 Nox 1994 08:49:37 GMT"));
        assertThrows(SignatureException.class, () -> HttpDates.parse("Sun, 06 Nov 1994 08:49:3x GMT"));
        assertThrows(SignatureException.class, () -> HttpDates.parse("Sun, 06 Nov 1994 08:49:37 UTC"));
    }
}
