package de.allmende.api.feed;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.service.CalendarService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A page of the calendar ends with a whole day: of a list longer than a page, the events of the first day that does not
 * fit are left to the next page, which starts on that day. A single day longer than a page is cut, and the next page
 * starts on the day after (its remaining events are only in the feeds then, which list more).
 *
 * @param shown the events of this page
 * @param next  the first day of the next page; empty if the list ends here
 */
record CalendarPaging(List<CalendarEntry> shown, Optional<LocalDate> next) {

    /**
     * @param entries up to {@code pageSize + 1} events in start order (one more than fits tells that there are more)
     * @param lastDay the filter's last day, if it has one: no next page begins after it
     */
    static CalendarPaging of(List<CalendarEntry> entries, int pageSize, Optional<LocalDate> lastDay) {
        if (entries.size() <= pageSize) return new CalendarPaging(entries, Optional.empty());
        LocalDate cut = day(entries.get(pageSize));
        List<CalendarEntry> whole = entries.stream().filter(e -> day(e).isBefore(cut)).toList();
        LocalDate next = whole.isEmpty() ? cut.plusDays(1) : cut;
        Optional<LocalDate> more = lastDay.isPresent() && next.isAfter(lastDay.get()) ? Optional.empty() : Optional.of(next);
        return new CalendarPaging(whole.isEmpty() ? entries.subList(0, pageSize) : whole, more);
    }

    private static LocalDate day(CalendarEntry e) {
        return e.when().start().atZone(CalendarService.GERMAN_TIME).toLocalDate();
    }
}
