package de.allmende.api.directory;

import de.allmende.api.feed.CalendarQuery;
import de.allmende.api.feed.CalendarQuery.BadFilter;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;
import de.allmende.content.directory.DirectoryFilter;
import de.allmende.route.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory's filter in a query string, both ways, read as the calendar's is: a field left empty means "any", an
 * unknown parameter or value is a {@link BadFilter} that says what was expected (a 400), each parameter at most once.
 */
public record DirectoryQuery(DirectoryFilter filter, Optional<String> lang) {

    public static DirectoryQuery parse(String rawQuery) {
        Map<Param, List<String>> values = CalendarQuery.split(rawQuery, Param.DIRECTORY_FILTER);
        Optional<Land> land = CalendarQuery.single(values, Param.LAND).map(v -> Land.parse(v).or(() -> Land.parse("DE-" + v))
                .orElseThrow(() -> new BadFilter("error.land", v)));
        Optional<MunicipalityType> type = CalendarQuery.single(values, Param.TYPE).map(v -> MunicipalityType.parse(v)
                .orElseThrow(() -> new BadFilter("error.type", v, MunicipalityType.slugs())));
        Optional<SizeClass> size = CalendarQuery.single(values, Param.SIZE).map(v -> Vocabulary.parse(SizeClass.class, v)
                .orElseThrow(() -> new BadFilter("error.size", v, Vocabulary.allowed(SizeClass.class))));
        Optional<Handlungsfeld> field = CalendarQuery.single(values, Param.FIELD).map(v -> Vocabulary.parse(Handlungsfeld.class, v)
                .or(() -> Handlungsfeld.byHashtag(v)).orElseThrow(() -> new BadFilter("error.field", v, Vocabulary.allowed(Handlungsfeld.class))));
        Optional<String> lang = CalendarQuery.single(values, Param.LANG).map(v -> {
            if (!Param.LANG.accepts(v)) throw new BadFilter("error.lang", v);
            return v;
        });
        return new DirectoryQuery(new DirectoryFilter(land, type, size, field), lang);
    }

    /** {@code ?land=DE-BY&…} with what this filter names, or "". */
    public String query() {
        List<String> pairs = new ArrayList<>();
        filter.land().ifPresent(l -> pairs.add(CalendarQuery.pair(Param.LAND, l.iso())));
        filter.type().ifPresent(t -> pairs.add(CalendarQuery.pair(Param.TYPE, t.slug())));
        filter.sizeClass().ifPresent(s -> pairs.add(CalendarQuery.pair(Param.SIZE, s.code())));
        filter.field().ifPresent(f -> pairs.add(CalendarQuery.pair(Param.FIELD, f.code())));
        lang.ifPresent(l -> pairs.add(CalendarQuery.pair(Param.LANG, l)));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    public DirectoryQuery inLanguage(Optional<String> language) {
        return new DirectoryQuery(filter, language);
    }
}
