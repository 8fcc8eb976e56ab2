package de.allmende.api.calendar;

import com.rometools.rome.feed.atom.Entry;
import de.allmende.testkit.Browser;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.allmende.api.calendar.CalendarNetwork.title;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The merged calendar lists exactly the public events a filter asks for — the node's own and received ones — and
 * its three renderings of one filter (page, iCalendar, Atom) list the same events in start order.
 */
@DisplayName("merged calendar: each filter lists exactly its events, the same in HTML, iCalendar and Atom")
class MergedCalendarTest {
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
    @DisplayName("by default: every public event from today on, local and received; past and followers-only ones never")
    void defaultListsUpcomingPublicEvents() {
        assertListed("", title(net.auental), title(net.hack), title(net.hybrid), title(net.forum), title(net.online));
    }

    @Test
    @DisplayName("Land: by name, key or ISO code, of municipalities here and of a peer's profile; several widen the list")
    void byLand() {
        assertListed("?land=Bayern", title(net.hybrid), title(net.online));
        assertListed("?land=06", title(net.auental));
        assertListed("?land=DE-NW", title(net.forum));
        assertListed("?land=DE-BY&land=hessen", title(net.auental), title(net.hybrid), title(net.online));
        assertListed("?land=Berlin");
    }

    @Test
    @DisplayName("field of action: by code or hashtag, whoever sent the event")
    void byFieldOfAction() {
        assertListed("?field=partizipation", title(net.hybrid), title(net.forum));
        assertListed("?field=OpenData", title(net.hack), title(net.online));
        assertListed("?field=transparenz", title(net.auental));
    }

    @Test
    @DisplayName("online or on site: a hybrid event is both")
    void byAttendance() {
        assertListed("?attendance=online", title(net.hack), title(net.hybrid), title(net.online));
        assertListed("?attendance=onsite", title(net.auental), title(net.hybrid), title(net.forum));
        assertListed("?attendance=any", title(net.auental), title(net.hack), title(net.hybrid), title(net.forum), title(net.online));
    }

    @Test
    @DisplayName("date range: first and last day inclusive; an explicit earlier start shows past events")
    void byDateRange() {
        assertListed("?from=" + net.today.plusDays(9) + "&to=" + net.today.plusDays(15), title(net.hybrid), title(net.forum));
        assertListed("?to=" + net.today.plusDays(5), title(net.auental));
        assertListed("?from=" + net.today.minusDays(30) + "&to=" + net.today, title(net.past));
    }

    @Test
    @DisplayName("municipality: a handle here (also as @handle@this-node), an account elsewhere, or an actor IRI (here or elsewhere)")
    void byMunicipality() {
        assertListed("?municipality=musterstadt", title(net.hybrid), title(net.online));
        assertListed("?municipality=%40musterstadt%40" + net.node.publicUrl().getRawAuthority(), title(net.hybrid), title(net.online));
        assertListed("?municipality=" + de.allmende.route.Encoding.segment(net.node.actorIri("auental").toString()), title(net.auental));
        assertListed("?municipality=kulturamt%40" + net.remote.base().getRawAuthority(), title(net.forum));
        assertListed("?municipality=" + de.allmende.route.Encoding.segment(net.treffpunkt.id().toString()), title(net.hack));
        assertListed("?municipality=auental&municipality=musterstadt", title(net.auental), title(net.hybrid), title(net.online));
        assertListed("?municipality=niemand");
    }

    @Test
    @DisplayName("filters combine: each narrows the list")
    void filtersCombine() {
        assertListed("?land=BY&attendance=online", title(net.hybrid), title(net.online));
        assertListed("?field=partizipation&attendance=onsite&land=nordrhein-westfalen", title(net.forum));
        assertListed("?field=open-data&municipality=musterstadt&to=" + net.today.plusDays(19));
        assertListed("?land=&field=&attendance=any&from=&to=&municipality=", title(net.auental), title(net.hack), title(net.hybrid),
                title(net.forum), title(net.online)); // a form submitted with nothing chosen
    }

    /** The titles the page, the iCalendar and the Atom feed list for this query, each in start order. */
    static void assertListed(String query, String... titles) {
        List<String> expected = List.of(titles);
        assertEquals(expected, page(query), "page " + query);
        assertEquals(expected, ical(query), "iCalendar " + query);
        assertEquals(expected, atom(query), "Atom " + query);
    }

    static List<String> page(String query) {
        Browser.Page p = Browser.open(net.node, "/calendar" + query);
        assertEquals(200, p.status(), p::raw);
        return p.doc().select("article h4 a").eachText();
    }

    static List<String> ical(String query) {
        Calendar cal = CalendarNetwork.parseIcal(net.get("/calendar.ics" + query).body());
        return cal.<VEvent>getComponents("VEVENT").stream().map(e -> e.getRequiredProperty("SUMMARY").getValue()).toList();
    }

    static List<String> atom(String query) {
        return CalendarNetwork.parseAtom(net.get("/calendar.atom" + query).body()).getEntries().stream().map(e -> ((Entry) e).getTitle()).toList();
    }
}
