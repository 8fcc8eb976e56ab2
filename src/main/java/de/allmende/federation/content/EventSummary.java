package de.allmende.federation.content;

import de.allmende.content.Event;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** "Di., 3. März 2026, 18:00–20:00 Uhr · Rathaus, Moers": when and where in one line, for the summary Mastodon shows. */
public final class EventSummary {
    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("EEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventSummary() {}

    public static String whenAndWhere(Event e, boolean german) {
        DateTimeFormatter day = german ? DAY_DE : DAY_EN;
        ZonedDateTime start = e.startsAt();
        ZonedDateTime end = e.endsAt();
        String zone = start.getZone().getDisplayName(TextStyle.SHORT, german ? Locale.GERMAN : Locale.ENGLISH);
        String when = start.toLocalDate().equals(end.toLocalDate())
                ? start.format(day) + ", " + start.format(TIME) + "–" + end.format(TIME) + (german ? " Uhr" : "")
                : start.format(day) + ", " + start.format(TIME) + " – " + end.format(day) + ", " + end.format(TIME) + (german ? " Uhr" : "");
        String where;
        if (e.place() != null) {
            where = e.place().name() + (e.place().locality() == null || e.place().name().contains(e.place().locality())
                    ? "" : ", " + e.place().locality());
            if (e.onlineUrl() != null) where += german ? " und online" : " and online";
        } else {
            where = "online";
        }
        String status = switch (e.status()) {
            case CANCELLED -> german ? "ABGESAGT: " : "CANCELLED: ";
            case POSTPONED -> german ? "VERSCHOBEN: " : "POSTPONED: ";
            default -> "";
        };
        return status + when + " (" + zone + ") · " + where;
    }
}
