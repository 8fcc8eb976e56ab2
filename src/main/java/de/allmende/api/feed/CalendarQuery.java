package de.allmende.api.feed;

import de.allmende.content.calendar.CalendarFilter;
import de.allmende.content.calendar.CalendarFilter.Attendance;
import de.allmende.content.calendar.MunicipalityRef;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.Land;
import de.allmende.route.Encoding;
import de.allmende.route.Param;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calendar's filter in a query string, both ways. Read leniently where forms are concerned (a field left empty
 * means "any", '+' is a space) and strictly otherwise: an unknown parameter or value is a {@link BadFilter} that says
 * what was expected, never a silently wider calendar. Written canonically, so one filter is one URL (and one feed id).
 */
public record CalendarQuery(CalendarFilter filter, Optional<String> lang) {
    /** More values than anyone filters by: beyond this a query is refused, not walked. */
    static final int MAX_VALUES = 20;
    private static final int MAX_VALUE_LENGTH = 300;

    /** A query that names no valid filter: the text key of what is wrong (see calendar_*.properties) and its values. */
    public static final class BadFilter extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        public BadFilter(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        public String key() { return key; }
        public Object[] args() { return args.clone(); }
    }

    /**
     * Parses a raw (percent-encoded) query string; null or empty is the default filter. An account on
     * {@code localAuthority} (this node's host and port) names a municipality here, like its handle.
     */
    public static CalendarQuery parse(String rawQuery, String localAuthority) {
        Map<Param, List<String>> values = split(rawQuery, Param.CALENDAR_FILTER);
        List<Land> lands = each(values, Param.LAND, v -> Land.parse(v).or(() -> Land.parse("DE-" + v)) // "BY" as well as "DE-BY"
                .orElseThrow(() -> new BadFilter("error.land", v)));
        List<Handlungsfeld> fields = each(values, Param.FIELD, v -> Vocabulary.parse(Handlungsfeld.class, v)
                .or(() -> Handlungsfeld.byHashtag(v)).orElseThrow(() -> new BadFilter("error.field", v, Vocabulary.allowed(Handlungsfeld.class))));
        Attendance attendance = single(values, Param.ATTENDANCE).map(v -> Attendance.byCode(v)
                .orElseThrow(() -> new BadFilter("error.attendance", v))).orElse(Attendance.ANY);
        Optional<LocalDate> from = single(values, Param.FROM).map(v -> date(Param.FROM, v));
        Optional<LocalDate> to = single(values, Param.TO).map(v -> date(Param.TO, v));
        List<MunicipalityRef> municipalities = each(values, Param.MUNICIPALITY,
                v -> MunicipalityRef.parse(v).map(m -> m instanceof MunicipalityRef.RemoteAccount a && a.host().equalsIgnoreCase(localAuthority)
                        ? new MunicipalityRef.LocalHandle(a.user()) : m).orElseThrow(() -> new BadFilter("error.municipality", v)));
        Optional<String> lang = single(values, Param.LANG).map(v -> {
            if (!Param.LANG.accepts(v)) throw new BadFilter("error.lang", v);
            return v;
        });
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) throw new BadFilter("error.range", from.get(), to.get());
        return new CalendarQuery(new CalendarFilter(lands, fields, attendance, from, to, municipalities), lang);
    }

    /** {@code ?land=09&field=…} with what this filter names (nothing for the default filter), or "". */
    public String query() {
        List<String> pairs = new ArrayList<>();
        filter.lands().forEach(l -> pairs.add(pair(Param.LAND, l.iso())));
        filter.fields().forEach(f -> pairs.add(pair(Param.FIELD, f.code())));
        if (filter.attendance() != Attendance.ANY) pairs.add(pair(Param.ATTENDANCE, filter.attendance().code()));
        filter.from().ifPresent(d -> pairs.add(pair(Param.FROM, d.toString())));
        filter.to().ifPresent(d -> pairs.add(pair(Param.TO, d.toString())));
        filter.municipalities().forEach(m -> pairs.add(pair(Param.MUNICIPALITY, m.text())));
        lang.ifPresent(l -> pairs.add(pair(Param.LANG, l)));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** The same filter in another language (or the default one). */
    public CalendarQuery inLanguage(Optional<String> language) {
        return new CalendarQuery(filter, language);
    }

    public static String pair(Param p, String value) {
        return p.name() + "=" + Encoding.segment(value);
    }

    /** The query's values by parameter (form fields left empty dropped); a parameter not in {@code allowed} is a {@link BadFilter}. */
    public static Map<Param, List<String>> split(String rawQuery, List<Param> allowed) {
        Map<Param, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1)).strip();
            Param param = allowed.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new BadFilter("error.parameter", name));
            if (value.isEmpty()) continue; // a form's field left empty: any
            if (value.length() > MAX_VALUE_LENGTH) throw new BadFilter("error.tooLong", name);
            List<String> list = out.computeIfAbsent(param, p -> new ArrayList<>());
            if (list.size() == MAX_VALUES) throw new BadFilter("error.tooMany", name, MAX_VALUES);
            list.add(value);
        }
        return out;
    }

    /** A form sends spaces as '+'. */
    private static String decode(String raw) {
        return Encoding.decode(raw.replace('+', ' ')).orElseThrow(() -> new BadFilter("error.encoding"));
    }

    private static <T> List<T> each(Map<Param, List<String>> values, Param p, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String v : values.getOrDefault(p, List.of())) {
            T t = parse.apply(v);
            if (!out.contains(t)) out.add(t);
        }
        return out;
    }

    public static Optional<String> single(Map<Param, List<String>> values, Param p) {
        List<String> list = values.getOrDefault(p, List.of());
        if (list.size() > 1) throw new BadFilter("error.once", p.name());
        return list.stream().findFirst();
    }

    private static LocalDate date(Param p, String v) {
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() >= 1900 && d.getYear() <= 2999) return d; // beyond, instants and their arithmetic overflow
        } catch (DateTimeParseException e) {
            // the same answer as a year out of range
        }
        throw new BadFilter("error.date", p.name(), v);
    }
}
