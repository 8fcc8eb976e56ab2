package de.allmende.federation.signature;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
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
        String v = value.strip();
        Instant fixdate = imfFixdate(v);
        if (fixdate != null) return fixdate;
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
        } catch (DateTimeParseException e) {
            throw SignatureException.invalid("unparseable Date header");
        }
    }

    /**
     * The exact form signers send ("Sun, 06 Nov 1994 08:49:37 GMT"), read without the general
     * formatter, which cost a few percent of the inbox's CPU. Null for anything else, including a
     * wrong weekday or an impossible date, so the general parser decides those as before.
     */
    private static Instant imfFixdate(String v) {
        if (v.length() != 29 || v.charAt(3) != ',' || v.charAt(4) != ' ' || v.charAt(7) != ' ' || v.charAt(11) != ' '
                || v.charAt(16) != ' ' || v.charAt(19) != ':' || v.charAt(22) != ':' || !v.endsWith(" GMT")) {
            return null;
        }
        int month = MONTHS.indexOf(v.substring(8, 11));
        int day = digits(v, 5, 7);
        int year = digits(v, 12, 16);
        int hour = digits(v, 17, 19);
        int minute = digits(v, 20, 22);
        int second = digits(v, 23, 25);
        if (month < 0 || month % 3 != 0 || (day | year | hour | minute | second) < 0) return null;
        try {
            LocalDateTime t = LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second);
            if (!WEEKDAYS.get(t.getDayOfWeek().ordinal()).equals(v.substring(0, 3))) return null;
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    /** The decimal number in {@code v[from, to)}, or -1 if any character is not an ASCII digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
