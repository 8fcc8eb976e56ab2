package de.allmende.api.web;

import de.allmende.content.calendar.CalendarFilter;
import de.allmende.content.calendar.CalendarFilter.Attendance;
import de.allmende.content.calendar.MunicipalityRef;
import de.allmende.content.calendar.Organiser;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.Land;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calendar's filter form as the template shows it: every choice with whether the current filter has it. A filter
 * with several values of one kind (possible by URL) shows that list as a multiple choice, so submitting keeps them.
 */
public record CalendarForm(List<Option> lands, boolean multipleLands, List<Option> fields, boolean multipleFields,
                           List<Option> attendance, String from, String to, List<Option> municipalities,
                           boolean multipleMunicipalities) {

    /** One choice: the value the query carries, its label, and whether the filter has it. */
    public record Option(String value, String label, boolean selected) {}

    static CalendarForm of(CalendarFilter f, String lang, CalendarTexts texts, List<Organiser> organisers) {
        List<Option> lands = Arrays.stream(Land.values()).map(l -> new Option(l.iso(), l.label(), f.lands().contains(l))).toList();
        List<Option> fields = Arrays.stream(Handlungsfeld.values())
                .map(h -> new Option(h.code(), texts.field(lang, h), f.fields().contains(h))).toList();
        List<Option> attendance = Arrays.stream(Attendance.values())
                .map(a -> new Option(a.code(), texts.text(lang, "filter.attendance." + a.code()), f.attendance() == a)).toList();
        List<String> chosen = f.municipalities().stream().map(MunicipalityRef::text).toList();
        List<Option> municipalities = new ArrayList<>();
        for (Organiser o : organisers) {
            String label = o.name() + o.land().map(l -> " (" + l.label() + ")").orElse("");
            municipalities.add(new Option(o.acct(), label, chosen.contains(o.acct()) || chosen.contains(o.iri().toString())));
        }
        // A municipality in the filter without upcoming events is still a choice, so the form keeps it.
        for (String c : chosen) {
            boolean offered = organisers.stream().anyMatch(o -> o.acct().equals(c) || o.iri().toString().equals(c));
            if (!offered) {
                municipalities.add(new Option(c, c, true));
            }
        }
        return new CalendarForm(lands, f.lands().size() > 1, fields, f.fields().size() > 1, attendance,
                f.from().map(Object::toString).orElse(""), f.to().map(Object::toString).orElse(""), municipalities,
                f.municipalities().size() > 1);
    }
}
