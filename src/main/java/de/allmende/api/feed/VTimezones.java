package de.allmende.api.feed;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 5545 VTIMEZONE components from the JDK's time-zone rules, valid from a given instant on:
 * the recurring daylight-saving rules as RRULEs, transitions listed one by one where the rules do
 * not cover the period yet. biweekly can only download such components, and a node must not
 * depend on an outside service to write its calendar.
 */
final class VTimezones {
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private VTimezones() {}

    static VTimezone of(ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        VTimezone v = new VTimezone(zone.getId());
        List<ZoneOffsetTransition> explicit = rules.getTransitions();
        List<ZoneOffsetTransitionRule> recurring = rules.getTransitionRules();
        int lastExplicitYear = explicit.isEmpty() ? Integer.MIN_VALUE : explicit.getLast().getDateTimeAfter().getYear();
        int fromYear = from.atOffset(ZoneOffset.UTC).getYear() - 1;
        if (recurring.isEmpty() || lastExplicitYear >= fromYear) {
            // The offset in force at 'from', then every listed change after it.
            ZoneOffsetTransition before = rules.previousTransition(from.plusSeconds(1));
            if (before == null) fixed(v, zone, rules.getOffset(from));
            else add(v, zone, rules, before, null);
            for (ZoneOffsetTransition t : explicit) if (t.getInstant().isAfter(from)) add(v, zone, rules, t, null);
        }
        int ruleYear = Math.max(fromYear, lastExplicitYear + 1);
        for (ZoneOffsetTransitionRule r : recurring) add(v, zone, rules, r.createTransition(ruleYear), recurrence(r));
        return v;
    }

    private static void add(VTimezone v, ZoneId zone, ZoneRules rules, ZoneOffsetTransition t, Recurrence rrule) {
        boolean daylight = rules.isDaylightSavings(t.getInstant());
        Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
        // DTSTART is the local time of the change as clocks showed it before (RFC 5545, 3.6.5).
        o.setDateStart(local(t.getDateTimeBefore()));
        o.setTimezoneOffsetFrom(offset(t.getOffsetBefore()));
        o.setTimezoneOffsetTo(offset(t.getOffsetAfter()));
        o.addTimezoneName(SHORT_NAME.format(t.getInstant().atZone(zone)));
        if (rrule != null) o.setRecurrenceRule(rrule);
        if (o instanceof DaylightSavingsTime d) v.addDaylightSavingsTime(d);
        else v.addStandardTime((StandardTime) o);
    }

    private static void fixed(VTimezone v, ZoneId zone, ZoneOffset offset) {
        StandardTime s = new StandardTime();
        s.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
        s.setTimezoneOffsetFrom(offset(offset));
        s.setTimezoneOffsetTo(offset(offset));
        s.addTimezoneName(SHORT_NAME.format(Instant.EPOCH.atZone(zone)));
        v.addStandardTime(s);
    }

    /** The JDK's "day-of-week on or after (before) day n" as an RRULE; "on or after the 25th" of a 31-day month is the last one. */
    static Recurrence recurrence(ZoneOffsetTransitionRule r) {
        Recurrence.Builder b = new Recurrence.Builder(Frequency.YEARLY).byMonth(r.getMonth().getValue());
        int dom = r.getDayOfMonthIndicator();
        if (r.getDayOfWeek() == null) return b.byMonthDay(dom).build();
        DayOfWeek dow = DayOfWeek.valueOfAbbr(r.getDayOfWeek().name().substring(0, 2));
        Month m = r.getMonth();
        if (dom == -1 || (dom > 0 && m != Month.FEBRUARY && dom + 6 == m.maxLength())) return b.byDay(-1, dow).build();
        if (dom > 0 && (dom - 1) % 7 == 0) return b.byDay((dom - 1) / 7 + 1, dow).build();
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) days.add(dom > 0 ? dom + i : dom - i);
        return b.byDay(dow).byMonthDay(days).build();
    }

    private static DateTimeComponents local(LocalDateTime t) {
        return new DateTimeComponents(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), false);
    }

    private static UtcOffset offset(ZoneOffset o) {
        return new UtcOffset(o.getTotalSeconds() * 1000L);
    }
}
