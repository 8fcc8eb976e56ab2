package de.allmende.api.calendar;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import de.allmende.testkit.Browser;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static de.allmende.api.calendar.CalendarNetwork.BERLIN;
import static de.allmende.api.calendar.CalendarNetwork.title;
import static de.allmende.api.calendar.CalendarNetwork.parseAtom;
import static de.allmende.api.calendar.CalendarNetwork.parseIcal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each rendering says about an event, read by independent parsers: iCalendar by ical4j (UID, local times with
 * their zone, place or online address, description, fields of action, organiser), Atom by Rome (ids, authors,
 * categories, links), the page by jsoup (days, subscribe links of the same filter, the form keeping the filter).
 */
@DisplayName("merged calendar: iCalendar (ical4j), Atom (Rome) and the page say what the event says")
class MergedCalendarFormatsTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static CalendarNetwork net;

    @BeforeAll
    static void start() {
        net = new CalendarNetwork();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    @DisplayName("iCalendar: UID = IRI, DTSTART/DTEND local with TZID and VTIMEZONE, LOCATION or the online address, CATEGORIES, ORGANIZER")
    void icalendarReadsBackWithIcal4j() {
        var r = net.get("/calendar.ics");
        assertEquals("text/calendar; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        for (String line : r.body().split("\r\n")) assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        Calendar cal = parseIcal(r.body());
        assertEquals(List.of("Europe/Berlin"), cal.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(z -> z.getRequiredProperty("TZID").getValue()).toList(), "one VTIMEZONE for the one zone used");

        VEvent forum = event(cal, net.forum.path("id").asText());
        DateProperty<?> start = forum.getRequiredProperty("DTSTART");
        assertEquals(net.today.plusDays(15).atTime(19, 30).format(LOCAL), start.getValue());
        assertEquals("Europe/Berlin", start.getRequiredParameter("TZID").getValue());
        assertEquals(net.today.plusDays(15).atTime(19, 30).atZone(BERLIN).toInstant(), Instant.from(start.getDate()));
        assertEquals(net.today.plusDays(15).atTime(21, 0).format(LOCAL), value(forum, "DTEND"));
        assertEquals("Stadthalle, Beispielstadt", value(forum, "LOCATION"));
        assertEquals("Partizipation", value(forum, "CATEGORIES"));
        assertEquals(net.forum.path("url").asText(), value(forum, "URL"));
        Property organizer = forum.getRequiredProperty("ORGANIZER");
        assertEquals(net.kulturamt.id().toString(), organizer.getValue());
        assertEquals("Kulturamt Beispielstadt", organizer.getRequiredParameter("CN").getValue());
        String description = value(forum, "DESCRIPTION");
        assertTrue(description.startsWith("Kurz gesagt: Beteiligungsforum Beispielstadt\n\nBeteiligungsforum Beispielstadt: alle sind eingeladen & willkommen."),
                description);

        assertEquals(net.hack.path("location").path("url").asText(), value(event(cal, net.hack.path("id").asText()), "LOCATION"),
                "online only: the online address");
        VEvent hybrid = event(cal, net.hybrid.iri().toString());
        assertEquals("CONFIRMED", value(hybrid, "STATUS"));
        assertEquals("Stadt Musterstadt", hybrid.getRequiredProperty("ORGANIZER").getRequiredParameter("CN").getValue());
        assertEquals("Rathaus Musterstadt, Sitzungssaal, Musterstadt", value(hybrid, "LOCATION"));
    }

    @Test
    @DisplayName("Atom: the filter's URL is the feed's id, entries are the events with their organiser, fields and page")
    void atomReadsBackWithRome() {
        Feed feed = parseAtom(net.get("/calendar.atom?field=partizipation").body());
        assertEquals(net.node.url() + "/calendar.atom?field=partizipation", feed.getId());
        assertEquals(net.node.url() + "/calendar?field=partizipation", ((Link) feed.getAlternateLinks().getFirst()).getHref());
        List<Entry> entries = feed.getEntries();
        assertEquals(List.of(net.hybrid.iri().toString(), net.forum.path("id").asText()), entries.stream().map(Entry::getId).toList());
        Entry forum = entries.get(1);
        assertEquals("Kulturamt Beispielstadt", forum.getAuthors().getFirst().getName());
        assertEquals(net.kulturamt.id().toString(), forum.getAuthors().getFirst().getUri());
        Category field = (Category) forum.getCategories().getFirst();
        assertEquals("partizipation", field.getTerm());
        assertEquals(de.allmende.federation.json.Contexts.ALLMENDE_NS + "fieldOfAction", field.getScheme());
        assertEquals(net.forum.path("url").asText(), ((Link) forum.getAlternateLinks().getFirst()).getHref());
        assertTrue(forum.getSummary().getValue().contains("19:30 (Europe/Berlin) · Stadthalle, Beispielstadt"), forum.getSummary().getValue());
        assertTrue(forum.getContents().getFirst().getValue().contains("<strong>alle</strong>"));

        Entry english = (Entry) parseAtom(net.get("/calendar.atom?field=partizipation&lang=en").body()).getEntries().getFirst();
        assertEquals(title(net.hybrid) + " (EN)", english.getTitle(), "the English title where the event has one");
        assertEquals("Participation", ((Category) english.getCategories().getFirst()).getLabel());
    }

    @Test
    @DisplayName("the page: days as headings, each event with time, place, organiser and Land; subscribe links of the same filter")
    void pageGroupsByDayAndLinksItsFeeds() {
        Browser.Page p = Browser.open(net.node, "/calendar?attendance=onsite&land=BY&land=HE");
        Document doc = p.doc();
        assertEquals("de", doc.selectFirst("html").attr("lang"));
        assertEquals(List.of(net.today.plusDays(5).toString(), net.today.plusDays(10).toString()),
                doc.select("section h3 time").eachAttr("datetime"), "one heading per day");
        Element hybrid = doc.select("article").get(1);
        assertEquals(title(net.hybrid), hybrid.selectFirst("h4 a").text());
        assertEquals(net.hybrid.iri().toString(), hybrid.selectFirst("h4 a").attr("href"));
        assertTrue(hybrid.text().contains("18:00–20:00 Uhr · Rathaus Musterstadt, Sitzungssaal, Musterstadt · Online"), hybrid.text());
        assertTrue(hybrid.text().contains("Veranstalter: Stadt Musterstadt (Bayern) · Handlungsfelder: Partizipation"), hybrid.text());
        String query = "?land=DE-BY&land=DE-HE&attendance=onsite";
        assertEquals(net.node.url() + "/calendar.ics" + query, doc.selectFirst("a[type=text/calendar]").attr("href"));
        assertEquals(net.node.url() + "/calendar.atom" + query, doc.selectFirst("main a[type=application/atom+xml]").attr("href"));
        assertEquals(net.node.url() + "/calendar.ics" + query, doc.selectFirst("link[rel=alternate][type=text/calendar]").attr("href"));
        assertEquals(List.of("DE-HE", "DE-BY"), doc.select("#f-land option[selected]").eachAttr("value"), "the form keeps the filter");
        assertTrue(doc.selectFirst("#f-land").hasAttr("multiple"));
        assertEquals("onsite", doc.selectFirst("input[name=attendance][checked]").attr("value"));
        assertTrue(p.response().headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertTrue(doc.select("script").isEmpty(), "no script at all");
    }

    @Test
    @DisplayName("in English by ?lang=en or the browser's Accept-Language; the feeds it links speak English too")
    void pageInEnglish() {
        Document doc = Browser.open(net.node, "/calendar?lang=en").doc();
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertEquals("Event calendar", doc.selectFirst("h1").text());
        assertTrue(doc.select("article h4 a").eachText().contains(title(net.hybrid) + " (EN)"));
        assertEquals("en", doc.selectFirst("input[name=lang]").attr("value"), "the form keeps the language");

        var r = net.node.send(HttpRequest.newBuilder(URI.create(net.node.url() + "/calendar")).header("Accept", Browser.ACCEPT)
                .header("Accept-Language", "en-GB,en;q=0.9,de;q=0.5").build());
        assertEquals("Accept-Language", r.headers().firstValue("Vary").orElseThrow());
        Document negotiated = org.jsoup.Jsoup.parse(r.body());
        assertEquals("en", negotiated.selectFirst("html").attr("lang"));
        assertEquals(net.node.url() + "/calendar.ics?lang=en", negotiated.selectFirst("main a[type=text/calendar]").attr("href"));
        assertTrue(negotiated.select("input[name=lang]").isEmpty(), "the browser chose: the form need not carry it");
    }

    @Test
    @DisplayName("cacheable like other public documents: an ETag, and 304 for a matching If-None-Match")
    void etagAnswers304() {
        for (String path : List.of("/calendar", "/calendar.ics", "/calendar.atom")) {
            var first = net.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().startsWith("public"), path);
            var again = net.node.send(HttpRequest.newBuilder(URI.create(net.node.url() + path)).header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode(), path);
        }
    }

    private static VEvent event(Calendar cal, String uid) {
        return cal.<VEvent>getComponents("VEVENT").stream().filter(e -> value(e, "UID").equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no VEVENT " + uid));
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getRequiredProperty(property).getValue();
    }
}
