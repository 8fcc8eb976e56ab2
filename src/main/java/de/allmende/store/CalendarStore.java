package de.allmende.store;

import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.CalendarFilter;
import de.allmende.content.calendar.CalendarFilter.Attendance;
import de.allmende.content.calendar.MunicipalityRef;
import de.allmende.content.calendar.Organiser;
import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.Land;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static de.allmende.db.Tables.ACCOUNT;
import static de.allmende.db.Tables.ACTOR;
import static de.allmende.db.Tables.AP_OBJECT;
import static de.allmende.db.Tables.POST;
import static de.allmende.db.Tables.REMOTE_ACTOR;

/**
 * The merged calendar over every post of kind event the node holds (its own and received ones), public only, in
 * start order. Reads the index of migration V23: a range of start times, then the filters on that range's rows.
 */
public final class CalendarStore {
    /**
     * How long before the window an event may have started and still be listed (it is under way when the window
     * opens). The bound keeps the scan a range of the start index; a longer event that began earlier is left out.
     */
    public static final Duration LONGEST_LISTED_EVENT = Duration.ofDays(31);

    private static final Field<OffsetDateTime> STARTS = DSL.field("event_starts({0})", SQLDataType.TIMESTAMPWITHTIMEZONE, POST.EVENT);
    private static final Field<OffsetDateTime> ENDS = DSL.field("event_ends({0})", SQLDataType.TIMESTAMPWITHTIMEZONE, POST.EVENT);
    private static final Field<String> ONLINE_URL = DSL.field("{0} ->> 'onlineUrl'", String.class, POST.EVENT);
    private static final Field<String> PLACE_NAME = DSL.field("{0} ->> 'placeName'", String.class, POST.EVENT);
    private static final Field<String> LOCALITY = DSL.field("{0} ->> 'locality'", String.class, POST.EVENT);
    /** A remote Allmende profile names its Land (ISO 3166-2) and AGS, whose first two digits are the Land's key. */
    private static final Field<String> REMOTE_LAND = DSL.field("{0} ->> 'land'", String.class, REMOTE_ACTOR.RAW);
    private static final Field<String> REMOTE_AGS_LAND = DSL.field("left({0} ->> 'ags', 2)", String.class, REMOTE_ACTOR.RAW);
    /** FEP-8a8e's eventStatus and iCalendar's status, as the event's document says (ours sends both). */
    private static final Field<String> EVENT_STATUS = DSL.field("{0} ->> 'eventStatus'", String.class, AP_OBJECT.RAW);
    private static final Field<String> ICAL_STATUS = DSL.field("{0} ->> 'status'", String.class, AP_OBJECT.RAW);

    /** The instants a filter's days stand for: events under way at {@code from} or starting before {@code to}. */
    public record Window(Instant from, Optional<Instant> to) {}

    /** Up to {@code limit} events in the window that pass the filter, by start time. */
    public List<CalendarEntry> entries(DSLContext tx, CalendarFilter filter, Window window, int limit) {
        return query(tx, filter, window, limit).fetch(CalendarStore::entry);
    }

    /** The query of {@link #entries} (a test checks its plan). */
    ResultQuery<Record> query(DSLContext tx, CalendarFilter filter, Window window, int limit) {
        List<Condition> where = new ArrayList<>(inWindow(window));
        where.addAll(matching(filter));
        return select(tx).where(where).orderBy(STARTS, POST.ID).limit(limit);
    }

    /** Who has events in the window, by name: the choices of a filter form. */
    public List<Organiser> organisers(DSLContext tx, Window window, int limit) {
        return tx.selectDistinct(POST.AUTHOR_IRI, ACTOR.HANDLE, ACTOR.DISPLAY_NAME, ACTOR.LAND, REMOTE_ACTOR.PREFERRED_USERNAME,
                        REMOTE_ACTOR.NAME, REMOTE_ACTOR.HOST, REMOTE_LAND, REMOTE_AGS_LAND)
                .from(POST).join(ACCOUNT).on(ACCOUNT.ID.eq(POST.AUTHOR_ID))
                .leftJoin(ACTOR).on(ACTOR.ID.eq(ACCOUNT.LOCAL_ACTOR_ID))
                .leftJoin(REMOTE_ACTOR).on(REMOTE_ACTOR.ID.eq(ACCOUNT.REMOTE_ACTOR_ID))
                .where(inWindow(window)).limit(limit).fetch(CalendarStore::organiser)
                .stream().sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase(Locale.GERMAN))).toList();
    }

    private static SelectOnConditionStep<Record> select(DSLContext tx) {
        return tx.select(List.<SelectField<?>>of(POST.IRI, POST.URL, POST.NAME, POST.SUMMARY, POST.CONTENT, POST.HASHTAGS, POST.EVENT, POST.PUBLISHED,
                        POST.UPDATED, POST.AUTHOR_IRI, ACTOR.HANDLE, ACTOR.DISPLAY_NAME, ACTOR.LAND, REMOTE_ACTOR.PREFERRED_USERNAME,
                        REMOTE_ACTOR.NAME, REMOTE_ACTOR.HOST, REMOTE_LAND, REMOTE_AGS_LAND, EVENT_STATUS, ICAL_STATUS))
                .from(POST).join(ACCOUNT).on(ACCOUNT.ID.eq(POST.AUTHOR_ID))
                .leftJoin(ACTOR).on(ACTOR.ID.eq(ACCOUNT.LOCAL_ACTOR_ID))
                .leftJoin(REMOTE_ACTOR).on(REMOTE_ACTOR.ID.eq(ACCOUNT.REMOTE_ACTOR_ID))
                .leftJoin(AP_OBJECT).on(AP_OBJECT.ID.eq(POST.OBJECT_ID));
    }

    /** The partial index's own predicate, and a range of its key. */
    private static List<Condition> inWindow(Window w) {
        List<Condition> c = new ArrayList<>(List.of(POST.KIND.eq("event"), POST.VISIBILITY.eq("public"), POST.DELETED.isNull(),
                STARTS.ge(PostStore.at(w.from().minus(LONGEST_LISTED_EVENT))), ENDS.ge(PostStore.at(w.from()))));
        w.to().ifPresent(to -> c.add(STARTS.lt(PostStore.at(to))));
        return c;
    }

    private static List<Condition> matching(CalendarFilter f) {
        List<Condition> c = new ArrayList<>();
        if (!f.lands().isEmpty()) {
            String[] codes = f.lands().stream().map(Land::code).toArray(String[]::new);
            String[] isos = f.lands().stream().map(Land::iso).toArray(String[]::new);
            c.add(ACTOR.LAND.in(codes).or(REMOTE_LAND.in(isos)).or(REMOTE_LAND.in(codes)).or(REMOTE_AGS_LAND.in(codes)));
        }
        if (!f.fields().isEmpty()) {
            // post_tag holds public posts' hashtags in lower case (migration V17), with an index by post
            String[] tags = f.fields().stream().map(h -> h.hashtag().toLowerCase(Locale.ROOT)).toArray(String[]::new);
            c.add(DSL.exists(DSL.selectOne().from(DSL.table("post_tag")).where(
                    DSL.field("post_tag.post_id", Long.class).eq(POST.ID), DSL.field("post_tag.name", String.class).in(tags))));
        }
        if (f.attendance() == Attendance.ONLINE) c.add(ONLINE_URL.isNotNull());
        if (f.attendance() == Attendance.ON_SITE) c.add(PLACE_NAME.isNotNull().or(LOCALITY.isNotNull()).or(ONLINE_URL.isNull()));
        if (!f.municipalities().isEmpty()) c.add(DSL.or(f.municipalities().stream().map(CalendarStore::organisedBy).toList()));
        return c;
    }

    private static Condition organisedBy(MunicipalityRef m) {
        return switch (m) {
            case MunicipalityRef.LocalHandle h -> ACTOR.HANDLE.eq(h.handle().toLowerCase(Locale.ROOT));
            case MunicipalityRef.RemoteAccount a -> REMOTE_ACTOR.PREFERRED_USERNAME.equalIgnoreCase(a.user()).and(REMOTE_ACTOR.HOST.eq(a.host()));
            case MunicipalityRef.ActorIri i -> POST.AUTHOR_IRI.eq(i.iri().toString());
        };
    }

    private static CalendarEntry entry(Record r) {
        List<String> hashtags = Arrays.asList(r.get(POST.HASHTAGS));
        return new CalendarEntry(URI.create(r.get(POST.IRI)), Optional.ofNullable(r.get(POST.URL)).map(URI::create),
                PostColumns.languageMap(r.get(POST.NAME)), PostColumns.languageMap(r.get(POST.SUMMARY)),
                PostColumns.languageMap(r.get(POST.CONTENT)), PostColumns.event(r.get(POST.EVENT)).orElseThrow(),
                CalendarEntry.fieldsOf(hashtags), EventStatus.fromWire(r.get(EVENT_STATUS), r.get(ICAL_STATUS)), organiser(r),
                r.get(POST.PUBLISHED).toInstant(), Optional.ofNullable(r.get(POST.UPDATED)).map(OffsetDateTime::toInstant));
    }

    private static Organiser organiser(Record r) {
        URI iri = URI.create(r.get(POST.AUTHOR_IRI));
        if (r.get(ACTOR.HANDLE) != null) {
            return new Organiser(iri, r.get(ACTOR.DISPLAY_NAME), r.get(ACTOR.HANDLE), Land.byCode(r.get(ACTOR.LAND)));
        }
        String user = Optional.ofNullable(r.get(REMOTE_ACTOR.PREFERRED_USERNAME)).orElse(iri.getPath());
        String host = Optional.ofNullable(r.get(REMOTE_ACTOR.HOST)).orElse(iri.getRawAuthority());
        Optional<Land> land = Land.parse(r.get(REMOTE_LAND)).or(() -> Land.byCode(r.get(REMOTE_AGS_LAND)));
        return new Organiser(iri, Optional.ofNullable(r.get(REMOTE_ACTOR.NAME)).orElse(user), user + "@" + host, land);
    }
}
