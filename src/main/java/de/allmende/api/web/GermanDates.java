package de.allmende.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as German readers expect them, and the machine-readable forms for {@code <time datetime>}. */
final class GermanDates {
    /** Publication times are shown in German time; the datetime attribute keeps the exact instant. */
    static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private GermanDates() {}

    /** "1. März 2026" */
    static String date(LocalDate d) {
        return d.format(DATE);
    }

    /** "Dienstag, 3. März 2026, 18:00 Uhr" in the event's own zone. */
    static String dayAndTime(ZonedDateTime t) {
        return t.format(DAY_TIME);
    }

    /** "2026-03-03T18:00+01:00": local time with its offset, valid for the datetime attribute. */
    static String isoLocal(ZonedDateTime t) {
        return t.format(ISO_MINUTES);
    }

    /** "1. März 2026, 10:00 Uhr" in German time. */
    static String instant(Instant t) {
        return t.atZone(GERMANY).format(DATE_TIME);
    }

    /** "Europe/Berlin (MEZ)" — the zone's id and its German short name at that moment. */
    static String zone(ZonedDateTime t) {
        String shortName = DateTimeFormatter.ofPattern("zzz", Locale.GERMAN).format(t);
        return t.getZone().getId() + " (" + shortName + ")";
    }
}
