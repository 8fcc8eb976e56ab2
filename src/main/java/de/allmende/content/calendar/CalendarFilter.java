package de.allmende.content.calendar;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.Land;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which events a calendar lists: each criterion narrows the list (and), several values of one criterion widen it
 * (or). Empty sets mean "any". Dates are calendar days in German time; {@code from} empty means "from today on",
 * {@code to} empty means "no end". Only public events are ever listed, whatever the filter.
 */
public record CalendarFilter(List<Land> lands, List<Handlungsfeld> fields, Attendance attendance, Optional<LocalDate> from,
                             Optional<LocalDate> to, List<MunicipalityRef> municipalities) {
    public static final CalendarFilter ANY = new CalendarFilter(List.of(), List.of(), Attendance.ANY, Optional.empty(), Optional.empty(), List.of());

    public CalendarFilter {
        lands = List.copyOf(lands);
        fields = List.copyOf(fields);
        municipalities = List.copyOf(municipalities);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }

    /** Online, on site, or either. A hybrid event (a place and an online address) is both. */
    public enum Attendance {
        ANY("any"), ONLINE("online"), ON_SITE("onsite");

        private final String code;

        Attendance(String code) {
            this.code = code;
        }

        public String code() { return code; }

        public static Optional<Attendance> byCode(String code) {
            for (Attendance a : values()) if (a.code.equals(code)) return Optional.of(a);
            return Optional.empty();
        }
    }
}
