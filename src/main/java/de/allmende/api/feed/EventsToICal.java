package de.allmende.api.feed;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalWriter;
import biweekly.property.Geo;
import biweekly.property.Status;
import biweekly.util.Duration;
import de.allmende.content.Content;
import de.allmende.content.Event;
import de.allmende.content.Markdown;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static de.allmende.support.PlainText.xmlSafe;

/**
 * An actor's events as an RFC 5545 calendar, written by biweekly. Start and end keep their wall-clock
 * time in the event's zone (TZID plus a VTIMEZONE), so 18:00 stays 18:00 across DST changes.
 * There is no METHOD, so DTSTAMP is the time the event was last revised: the same events always
 * give the same bytes, which makes the ETag useful.
 */
public final class EventsToICal {
    private final Iris iris;

    public EventsToICal(Iris iris) {
        this.iris = iris;
    }

    /**
     * @param events the actor's events (kind EVENT), in start order
     * @param from   the earliest start listed; time-zone definitions are written from there on
     */
    public String calendar(LocalActor a, List<Content> events, Instant from) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Allmende//Allmende Veranstaltungskalender//DE");
        String name = xmlSafe(a.displayName() + " – Veranstaltungen");
        ical.setName(name);
        ical.setExperimentalProperty("X-WR-CALNAME", name);
        ical.setUrl(iris.actor(a.handle()).toString());
        ical.setSource(iris.calendar(a.handle()).toString());
        ical.setRefreshInterval(new Duration.Builder().hours(1).build());
        Map<ZoneId, TimezoneAssignment> zones = new HashMap<>();
        for (Content c : events) {
            Event e = (Event) c.details();
            TimezoneAssignment tz = zones.computeIfAbsent(e.timeZone(),
                    z -> new TimezoneAssignment(TimeZone.getTimeZone(z), VTimezones.of(z, from)));
            ical.addEvent(event(c, e, ical, tz));
        }
        return write(ical);
    }

    /** The calendar as RFC 5545 text: written unfolded by biweekly, then folded at 75 octets (see {@link ContentLines}). */
    static String write(ICalendar ical) {
        StringWriter out = new StringWriter();
        try (ICalWriter w = new ICalWriter(out, ICalVersion.V2_0)) {
            w.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            w.write(ical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContentLines.fold(out.toString());
    }

    private VEvent event(Content c, Event e, ICalendar ical, TimezoneAssignment tz) {
        VEvent v = new VEvent();
        v.setUid(c.iri().toString());
        v.setDateTimeStamp(Date.from(c.updated()));
        v.setCreated(Date.from(c.published()));
        v.setLastModified(Date.from(c.updated()));
        // Every edit moves 'updated' by at least a second, so seconds since publication only grow.
        v.setSequence((int) Math.min(Integer.MAX_VALUE, java.time.Duration.between(c.published(), c.updated()).toSeconds()));
        ical.getTimezoneInfo().setTimezone(v.setDateStart(Date.from(e.startsAt().toInstant()), true), tz);
        ical.getTimezoneInfo().setTimezone(v.setDateEnd(Date.from(e.endsAt().toInstant()), true), tz);
        v.setSummary(xmlSafe(e.common().title().de()));
        v.setDescription(xmlSafe(description(c, e)));
        String location = location(e);
        if (location != null) v.setLocation(xmlSafe(location));
        if (e.place() != null && e.place().latitude() != null && e.place().longitude() != null) {
            v.setGeo(new Geo(e.place().latitude(), e.place().longitude()));
        }
        v.setUrl(c.iri().toString());
        v.setStatus(Status.create(e.status().ical()));
        List<String> categories = new ArrayList<>();
        categories.add(e.category().label());
        for (Handlungsfeld h : e.common().fieldsOfAction()) categories.add(h.label());
        v.addCategories(categories);
        return v;
    }

    /** Plain text: summary, body without markup, and the links a reader needs. */
    static String description(Content c, Event e) {
        List<String> parts = new ArrayList<>();
        if (e.common().summary() != null) parts.add(e.common().summary().de());
        if (e.common().body() != null) parts.add(Markdown.toPlainText(e.common().body().de()));
        if (e.onlineUrl() != null) parts.add("Online: " + e.onlineUrl());
        if (e.registrationUrl() != null) parts.add("Anmeldung: " + e.registrationUrl());
        parts.add("Mehr: " + c.iri());
        return String.join("\n\n", parts);
    }

    /** Place and address in one line, or the online address for online-only events. */
    static String location(Event e) {
        if (e.place() == null) return e.onlineUrl() == null ? null : e.onlineUrl().toString();
        Event.Place p = e.place();
        List<String> parts = new ArrayList<>();
        parts.add(p.name());
        if (p.street() != null) parts.add(p.street());
        String town = ((p.postalCode() == null ? "" : p.postalCode() + " ") + (p.locality() == null ? "" : p.locality())).strip();
        if (!town.isEmpty()) parts.add(town);
        return String.join(", ", parts);
    }

}
