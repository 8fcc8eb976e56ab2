package de.allmende.api.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.service.ContentService;
import de.allmende.testkit.ContentFixtures;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.TestNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar feed read back by ical4j (biweekly writes it): local times with their zones across
 * daylight-saving changes, texts with the characters iCalendar escapes, status, place and UID.
 */
class CalendarFeedTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final int NEXT_YEAR = LocalDate.now(BERLIN).getYear() + 1;

    static TestNode node;
    static LocalActor musterstadt;
    static ContentService content;
    static Content summer, winter, newYork, recent, old;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        musterstadt = node.actor("musterstadt");
        content = node.node().services().content;
        summer = event(sommerfest(), LocalDateTime.of(NEXT_YEAR, 7, 15, 18, 0), BERLIN);
        ObjectNode online = ContentFixtures.werkstatt(null);
        online.remove("place");
        online.remove("project");
        online.put("status", "cancelled");
        winter = event(online, LocalDateTime.of(NEXT_YEAR, 12, 10, 18, 0), BERLIN);
        ObjectNode visit = ContentFixtures.werkstatt(null);
        visit.remove("project");
        visit.put("status", "postponed");
        visit.with("place").put("name", "City Hall").put("locality", "New York").put("country", "US").remove(List.of("latitude", "longitude"));
        newYork = event(visit, LocalDateTime.of(NEXT_YEAR, 3, 5, 9, 0), NEW_YORK);
        LocalDate today = LocalDate.now(BERLIN);
        recent = event(noProject(), today.minusDays(100).atTime(10, 0), BERLIN);
        old = event(noProject(), today.minusDays(400).atTime(10, 0), BERLIN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void calendarParsesWithIcal4jAndListsPastYearAndFutureEvents() throws Exception {
        HttpResponse<String> r = node.get("/actors/musterstadt/events.ics", null);
        assertEquals(200, r.statusCode());
        assertEquals("text/calendar; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        Calendar cal = parse(r.body());
        assertEquals("2.0", cal.getRequiredProperty("VERSION").getValue());
        assertEquals(Set.of(recent, newYork, summer, winter).stream().map(c -> c.iri().toString()).collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(events(cal).stream().map(e -> value(e, "UID")).toList()), "UID = object IRI; events older than a year left out");
        assertEquals(Set.of("Europe/Berlin", "America/New_York"),
                Set.copyOf(cal.<VTimeZone>getComponents("VTIMEZONE").stream().map(z -> z.getRequiredProperty("TZID").getValue()).toList()),
                "one VTIMEZONE per zone used");
        for (String line : r.body().split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        assertFalse(r.body().replace("\r\n", "").contains("\n"), "lines end with CRLF");
    }

    @Test
    void localTimesStayLocalInSummerWinterAndAnotherZone() throws Exception {
        Calendar cal = parse(node.get("/actors/musterstadt/events.ics", null).body());
        assertStart(cal, summer, NEXT_YEAR + "0715T180000", BERLIN);
        assertStart(cal, winter, NEXT_YEAR + "1210T180000", BERLIN);
        assertStart(cal, newYork, NEXT_YEAR + "0305T090000", NEW_YORK);
        VEvent s = event(cal, summer);
        assertEquals(NEXT_YEAR + "0715T203000", value(s, "DTEND"));
        assertEquals(ZonedDateTime.of(NEXT_YEAR, 7, 15, 16, 0, 0, 0, ZoneId.of("UTC")).toInstant(), instant(s, "DTSTART"),
                "18:00 in Berlin in summer is 16:00 UTC");
        assertEquals(ZonedDateTime.of(NEXT_YEAR, 12, 10, 17, 0, 0, 0, ZoneId.of("UTC")).toInstant(), instant(event(cal, winter), "DTSTART"),
                "and 17:00 UTC in winter");
        assertEquals(ZonedDateTime.of(NEXT_YEAR, 3, 5, 14, 0, 0, 0, ZoneId.of("UTC")).toInstant(), instant(event(cal, newYork), "DTSTART"));
    }

    @Test
    void eachVtimezoneChangesOffsetWhenTheJdkDoesForTwoYears() throws Exception {
        Calendar cal = parse(node.get("/actors/musterstadt/events.ics", null).body());
        Instant from = Instant.now().minus(360, ChronoUnit.DAYS);
        Instant to = from.plus(730, ChronoUnit.DAYS);
        for (VTimeZone vtz : cal.<VTimeZone>getComponents("VTIMEZONE")) {
            ZoneId zone = ZoneId.of(vtz.getRequiredProperty("TZID").getValue());
            // Onsets as ical4j expands the RRULEs we wrote (its TimeZone.getOffset switches up to a day early,
            // so the check uses its recurrence engine instead).
            TreeMap<Instant, ZoneOffset> ours = new TreeMap<>();
            for (Observance o : vtz.getObservances()) {
                LocalDateTime seed = LocalDateTime.parse(o.getRequiredProperty("DTSTART").getValue(), BASIC);
                ZoneOffset before = ZoneOffset.of(o.getRequiredProperty("TZOFFSETFROM").getValue());
                ZoneOffset after = ZoneOffset.of(o.getRequiredProperty("TZOFFSETTO").getValue());
                List<LocalDateTime> onsets = o.getProperty("RRULE").isEmpty() ? List.of(seed)
                        : o.<RRule<LocalDateTime>>getRequiredProperty("RRULE").getRecur()
                                .getDates(seed, seed, LocalDateTime.ofInstant(to, ZoneOffset.UTC).plusDays(1));
                for (LocalDateTime onset : onsets) ours.put(onset.toInstant(before), after);
            }
            TreeMap<Instant, ZoneOffset> jdk = new TreeMap<>();
            for (var t = zone.getRules().nextTransition(from); t != null && t.getInstant().isBefore(to);
                 t = zone.getRules().nextTransition(t.getInstant())) {
                jdk.put(t.getInstant(), t.getOffsetAfter());
            }
            assertEquals(jdk, ours.subMap(from, to), zone + ": the same changes at the same instants");
            assertEquals(zone.getRules().getOffset(from), ours.floorEntry(from).getValue(), zone + ": the offset in force at the start");
        }
    }

    @Test
    void textsStatusPlaceAndLinksRoundTrip() throws Exception {
        Calendar cal = parse(node.get("/actors/musterstadt/events.ics", null).body());
        VEvent s = event(cal, summer);
        assertEquals("Sommerfest: Grüße, Äpfel; Öl & „Bürger“", value(s, "SUMMARY"));
        assertTrue(value(s, "DESCRIPTION").startsWith("Zeile eins\nZeile zwei, mit Komma; und Semikolon\\n bleibt Text.\n\nBitte mitbringen"),
                value(s, "DESCRIPTION"));
        assertTrue(value(s, "DESCRIPTION").endsWith("Mehr: " + summer.iri()));
        assertEquals("Bürgerhaus Süd, Hauptstraße 5, 90403 Musterstadt", value(s, "LOCATION"));
        assertEquals("49.4536;11.0775", value(s, "GEO"));
        assertEquals("CONFIRMED", value(s, "STATUS"));
        assertEquals(summer.iri().toString(), value(s, "URL"));
        assertEquals("Treffen,Partizipation,Open Data", value(s, "CATEGORIES"));

        VEvent w = event(cal, winter);
        assertEquals("CANCELLED", value(w, "STATUS"));
        assertEquals("https://meet.musterstadt.example/buergerhaushalt", value(w, "LOCATION"), "online-only: the online address");
        assertTrue(w.getProperty("GEO").isEmpty());
        VEvent ny = event(cal, newYork);
        assertEquals("TENTATIVE", value(ny, "STATUS"));
        assertEquals("City Hall, Marktplatz 1, 90403 New York", value(ny, "LOCATION"));
    }

    @Test
    void editsRaiseSequenceAndLastModified() throws Exception {
        VEvent before = event(parse(node.get("/actors/musterstadt/events.ics", null).body()), recent);
        int sequence = Integer.parseInt(value(before, "SEQUENCE"));
        assertEquals(recent.updated(), instant(before, "LAST-MODIFIED"));
        assertEquals(recent.updated(), instant(before, "DTSTAMP"));
        ObjectNode edited = noProject();
        edited.put("start", recent.details() instanceof de.allmende.content.Event e ? e.start().toString() : null);
        edited.put("end", ((de.allmende.content.Event) recent.details()).end().toString());
        edited.putObject("title").put("de", "Werkstatt, verlegt");
        Thread.sleep(1100);
        Content changed = content.update(musterstadt, ContentKind.EVENT, recent.id().orElseThrow(), edited);

        VEvent after = event(parse(node.get("/actors/musterstadt/events.ics", null).body()), recent);
        assertTrue(Integer.parseInt(value(after, "SEQUENCE")) > sequence, "SEQUENCE grows with each edit");
        assertEquals(changed.updated(), instant(after, "LAST-MODIFIED"));
        assertEquals("Werkstatt, verlegt", value(after, "SUMMARY"));
    }

    private static ObjectNode sommerfest() {
        ObjectNode in = noProject();
        in.putObject("title").put("de", "Sommerfest: Grüße, Äpfel; Öl & „Bürger“");
        in.putObject("summary").put("de", "Zeile eins\nZeile zwei, mit Komma; und Semikolon\\n bleibt Text.");
        in.putObject("body").put("de", "Bitte **mitbringen**: Salat.");
        in.putArray("fieldsOfAction").add("partizipation").add("open-data");
        in.put("category", "MEETING");
        in.with("place").put("name", "Bürgerhaus Süd").put("street", "Hauptstraße 5");
        return in;
    }

    private static ObjectNode noProject() {
        ObjectNode in = ContentFixtures.werkstatt(null);
        in.remove("project");
        return in;
    }

    private static Content event(ObjectNode input, LocalDateTime start, ZoneId zone) {
        input.put("start", start.toString()).put("end", start.plusHours(2).plusMinutes(30).toString()).put("timeZone", zone.getId());
        return content.create(musterstadt, ContentKind.EVENT, input);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar cal) {
        return cal.getComponents("VEVENT");
    }

    private static VEvent event(Calendar cal, Content c) {
        return events(cal).stream().filter(e -> value(e, "UID").equals(c.iri().toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no VEVENT for " + c.iri()));
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getRequiredProperty(property).getValue();
    }

    private static Instant instant(VEvent e, String property) {
        DateProperty<?> p = e.getRequiredProperty(property);
        return Instant.from(p.getDate());
    }

    private static void assertStart(Calendar cal, Content c, String local, ZoneId zone) {
        DateProperty<?> start = event(cal, c).getRequiredProperty("DTSTART");
        assertEquals(local, start.getValue());
        assertEquals(zone.getId(), start.getRequiredParameter("TZID").getValue());
    }
}
