package de.allmende.api.feed;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import de.allmende.api.web.CalendarTexts;
import de.allmende.content.calendar.CalendarEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged calendar's feeds are bounded like its page (a network has about 90 events a day: 1,000 of them took over
 * a second to render on a busy machine): at most {@link CalendarHandler#FEED_EVENTS}, ending with a whole day, and the
 * Atom feed links its next document (RFC 5005), the same filter from the first day it left out.
 */
@DisplayName("calendar feeds: bounded like the page, Atom links the next document")
class CalendarFeedPagingTest {
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    private static final URI SELF = URI.create("https://k.example/calendar.atom?land=DE-HE");

    @Test
    @DisplayName("a feed lists no more events than a page")
    void boundedLikeThePage() {
        assertTrue(CalendarHandler.FEED_EVENTS <= CalendarHandler.PAGE_EVENTS, "feeds: " + CalendarHandler.FEED_EVENTS);
    }

    @Test
    @DisplayName("Atom: rel=next to the document from the day cut; none at the end")
    void atomLinksItsNextDocument() throws Exception {
        List<CalendarEntry> four = CalendarPagingTest.events(MONDAY, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(1));
        CalendarPaging p = CalendarPaging.of(four, 3, Optional.empty());
        URI next = URI.create("https://k.example/calendar.atom?land=DE-HE&from=" + p.next().orElseThrow());
        Feed paged = atom(p.shown(), Optional.of(next));
        assertEquals(2, paged.getEntries().size(), "Tuesday goes whole to the next document");
        assertEquals(Optional.of("https://k.example/calendar.atom?land=DE-HE&from=2027-03-02"), link(paged, "next"));
        assertEquals(Optional.of(SELF.toString()), link(paged, "self"));
        assertEquals(Optional.empty(), link(atom(four, Optional.empty()), "next"), "the last document links none");
    }

    private static Feed atom(List<CalendarEntry> entries, Optional<URI> next) throws Exception {
        String xml = new CalendarToAtom(new CalendarTexts()).feed("de", "Termine", "k.example", SELF, URI.create("https://k.example/calendar"),
                entries, Instant.parse("2027-03-01T00:00:00Z"), next);
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static Optional<String> link(Feed f, String rel) {
        return f.getOtherLinks().stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst();
    }
}
