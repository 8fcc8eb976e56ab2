package de.allmende.federation.signature;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMF-fixdate handling for the Date header (RFC 9110 section 5.6.7). */
final class HttpDates {

    // Fixed English names and a two-digit day: the built-in RFC_1123 formatter drops the
    // leading zero ("5 Jan"), which some peers reject.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses an RFC 1123 date; lenient about the day's leading zero like most servers. */
    static Instant parse(String value) throws SignatureException {
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from);
        } catch (DateTimeParseException e) {
            throw SignatureException.invalid("unparseable Date header");
        }
    }
}
