package de.allmende.api.feed;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.Duration;
import de.allmende.api.web.CalendarTexts;
import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.support.PlainText;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static de.allmende.support.PlainText.xmlSafe;

/**
 * The merged calendar as RFC 5545, written by biweekly like an actor's own calendar ({@link EventsToICal}): UID is
 * the event's IRI, start and end keep their wall-clock time in the event's zone (TZID and a VTIMEZONE), the fields of
 * action are CATEGORIES and the publishing municipality is the ORGANIZER. Events without a zone are written in UTC.
 */
public final class CalendarToICal {
    private final CalendarTexts texts;

    public CalendarToICal(CalendarTexts texts) {
        this.texts = texts;
    }

    /**
     * @param title  what the filter shows, for the calendar's name
     * @param self   this calendar's URL (with its filter)
     * @param page   the same filter's page
     * @param from   the earliest start the filter asks for; time-zone definitions are written from there on
     */
    public String calendar(String lang, String title, URI self, URI page, List<CalendarEntry> entries, Instant from) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Allmende//Allmende Veranstaltungskalender//DE");
        String name = xmlSafe(title);
        ical.setName(name);
        ical.setExperimentalProperty("X-WR-CALNAME", name);
        ical.setUrl(page.toString());
        ical.setSource(self.toString());
        ical.setRefreshInterval(new Duration.Builder().hours(1).build());
        Map<ZoneId, TimezoneAssignment> zones = new HashMap<>();
        for (CalendarEntry e : entries) {
            Optional<TimezoneAssignment> tz = e.when().timeZone().map(z -> zones.computeIfAbsent(z,
                    zone -> new TimezoneAssignment(TimeZone.getTimeZone(zone), VTimezones.of(zone, from))));
            ical.addEvent(event(lang, e, ical, tz));
        }
        return EventsToICal.write(ical);
    }

    private VEvent event(String lang, CalendarEntry e, ICalendar ical, Optional<TimezoneAssignment> tz) {
        VEvent v = new VEvent();
        v.setUid(e.iri().toString());
        v.setDateTimeStamp(Date.from(e.revised()));
        v.setCreated(Date.from(e.published()));
        v.setLastModified(Date.from(e.revised()));
        var start = v.setDateStart(Date.from(e.when().start()), true);
        var end = v.setDateEnd(Date.from(e.when().end().orElse(e.when().start())), true);
        if (tz.isPresent()) {
            ical.getTimezoneInfo().setTimezone(start, tz.get());
            ical.getTimezoneInfo().setTimezone(end, tz.get());
        }
        v.setSummary(xmlSafe(e.title(lang)));
        v.setDescription(xmlSafe(description(lang, e)));
        location(e).ifPresent(l -> v.setLocation(xmlSafe(l)));
        v.setUrl(e.page().toString());
        Organizer organizer = new Organizer(xmlSafe(e.organiser().name()), null);
        organizer.setUri(e.organiser().iri().toString());
        v.setOrganizer(organizer);
        e.status().ifPresent(s -> v.setStatus(Status.create(s.ical())));
        List<String> categories = new ArrayList<>();
        for (Handlungsfeld h : e.fields()) categories.add(texts.field(lang, h));
        if (!categories.isEmpty()) v.addCategories(categories);
        return v;
    }

    /** Place and town, or the online address of an online-only event. */
    static Optional<String> location(CalendarEntry e) {
        String place = Stream.of(e.when().placeName(), e.when().locality()).flatMap(Optional::stream).distinct()
                .collect(Collectors.joining(", "));
        if (!place.isEmpty()) return Optional.of(place);
        return e.when().onlineUrl().map(URI::toString);
    }

    /** Plain text: the summary, the description without markup, the online address and the event's page. */
    private String description(String lang, CalendarEntry e) {
        List<String> parts = new ArrayList<>();
        e.summary().preferred(lang).map(PlainText::fromHtml).filter(s -> !s.isBlank()).ifPresent(parts::add);
        e.content().preferred(lang).map(PlainText::fromHtml).filter(s -> !s.isBlank()).ifPresent(parts::add);
        e.when().onlineUrl().ifPresent(u -> parts.add("Online: " + u));
        parts.add(texts.text(lang, "feed.more") + ": " + e.page());
        return String.join("\n\n", parts);
    }
}
