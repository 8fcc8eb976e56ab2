package de.allmende.api.feed;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.Organiser;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A page of the calendar ends with a whole day, and the next page starts with the first day it could not show. */
@DisplayName("calendar pages: whole days per page, the next page from the first day cut")
class CalendarPagingTest {
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    @Test
    void aShortListIsOnePage() {
        List<CalendarEntry> three = events(MONDAY, MONDAY, MONDAY.plusDays(1));
        assertEquals(new CalendarPaging(three, Optional.empty()), CalendarPaging.of(three, 3, Optional.empty()));
    }

    @Test
    void theDayThatDoesNotFitWholeGoesToTheNextPage() {
        // page size 3, and one more to tell there are more: Monday, Monday, Tuesday | Tuesday
        List<CalendarEntry> four = events(MONDAY, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(1));
        CalendarPaging p = CalendarPaging.of(four, 3, Optional.empty());
        assertEquals(four.subList(0, 2), p.shown(), "Tuesday is not shown half");
        assertEquals(Optional.of(MONDAY.plusDays(1)), p.next());
    }

    @Test
    void aDayLongerThanAPageIsCutAndTheNextPageStartsTheDayAfter() {
        List<CalendarEntry> busy = events(MONDAY, MONDAY, MONDAY, MONDAY);
        CalendarPaging p = CalendarPaging.of(busy, 3, Optional.empty());
        assertEquals(busy.subList(0, 3), p.shown());
        assertEquals(Optional.of(MONDAY.plusDays(1)), p.next());
        assertEquals(Optional.empty(), CalendarPaging.of(busy, 3, Optional.of(MONDAY)).next(), "not beyond the filter's last day");
    }

    static List<CalendarEntry> events(LocalDate... days) {
        List<CalendarEntry> out = new ArrayList<>();
        for (LocalDate d : days) {
            Instant start = d.atTime(10, out.size()).atZone(ZoneId.of("Europe/Berlin")).toInstant();
            URI iri = URI.create("https://m.example/objects/" + out.size());
            out.add(new CalendarEntry(iri, Optional.empty(), LanguageMap.of("de", "Termin " + out.size()), LanguageMap.EMPTY, LanguageMap.EMPTY,
                    new EventFacts(start, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(),
                    Optional.empty(), new Organiser(URI.create("https://m.example/actors/m"), "M", "m", Optional.empty()), start, Optional.empty()));
        }
        return out;
    }
}
