package de.allmende.api.feed;

import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.api.feed.CalendarQuery.BadFilter;
import de.allmende.api.web.CalendarPage;
import de.allmende.api.web.CalendarTexts;
import de.allmende.content.calendar.CalendarEntry;
import de.allmende.content.calendar.CalendarFilter;
import de.allmende.route.Param;
import de.allmende.route.Route;
import de.allmende.service.CalendarService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The merged calendar's three renderings of one filter: the page ({@code /calendar}), iCalendar ({@code .ics}) and
 * Atom ({@code .atom}). Public and cacheable like the actors' feeds; a filter that names nothing valid is a 400 that
 * says what was expected — on the page, the page itself with its form.
 */
public final class CalendarHandler {
    /** Events on one page; a longer list goes on from the first day it could not show whole ({@link CalendarPaging}). */
    static final int PAGE_EVENTS = 200;
    /**
     * Events in one iCalendar or Atom document, ending with a whole day like a page; Atom links the next one (RFC 5005
     * paging), and a calendar app asks again within the hour. Bounded as Mastodon's and Mobilizon's feeds are: a network
     * of 2,000 municipalities has about 90 events a day, and rendering 1,000 of them (884 KB of iCalendar) took 0.3 s on
     * a quiet machine and over a second on a busy one (BENCHMARKS.md, "Coordinator at scale").
     */
    static final int FEED_EVENTS = 200;
    private static final int MAX_AGE_SECONDS = 300;

    private final CalendarService calendar;
    private final CalendarPage page;
    private final CalendarToICal ical;
    private final CalendarToAtom atom;
    private final CalendarTexts texts;
    private final URI base;

    public CalendarHandler(CalendarService calendar, CalendarPage page, CalendarTexts texts, URI base) {
        this.calendar = calendar;
        this.page = page;
        this.texts = texts;
        this.ical = new CalendarToICal(texts);
        this.atom = new CalendarToAtom(texts);
        this.base = base;
    }

    public void html(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept-Language");
        Optional<String> asked = askedLanguage(ctx.request().query());
        String lang = asked.orElseGet(() -> browserLanguage(ctx));
        CalendarQuery q;
        try {
            q = CalendarQuery.parse(ctx.request().query(), base.getRawAuthority());
        } catch (BadFilter bad) {
            ctx.response().putHeader("Cache-Control", "no-store");
            Responses.html(ctx, 400, page.renderError(lang, texts.text(lang, bad.key(), bad.args()), calendar.upcomingOrganisers(),
                    links(new CalendarQuery(CalendarFilter.ANY, asked), lang), asked.orElse(null)));
            return;
        }
        CalendarFilter f = q.filter();
        CalendarPaging paging = CalendarPaging.of(calendar.entries(f, PAGE_EVENTS + 1), PAGE_EVENTS, f.to());
        String later = paging.next().map(next -> Route.MERGED_CALENDAR.path() + startingOn(q, next).query()).orElse(null);
        Responses.cacheable(ctx, MediaTypes.HTML, page.render(lang, f, paging.shown(), calendar.upcomingOrganisers(), links(q, lang),
                later, q.lang().orElse(null)), MAX_AGE_SECONDS);
    }

    public void ics(RoutingContext ctx) {
        CalendarQuery q = feedQuery(ctx);
        String lang = q.lang().orElse("de");
        List<CalendarEntry> entries = feedPage(q).shown();
        String body = ical.calendar(lang, title(lang), url(Route.MERGED_CALENDAR_ICS, q), url(Route.MERGED_CALENDAR, q), entries,
                from(q).atStartOfDay(CalendarService.GERMAN_TIME).toInstant());
        Responses.cacheable(ctx, FeedHandler.CALENDAR, body, MAX_AGE_SECONDS);
    }

    public void atom(RoutingContext ctx) {
        CalendarQuery q = feedQuery(ctx);
        String lang = q.lang().orElse("de");
        CalendarPaging paging = feedPage(q);
        String body = atom.feed(lang, title(lang), texts.text(lang, "feed.subtitle", base.getRawAuthority()),
                url(Route.MERGED_CALENDAR_ATOM, q), url(Route.MERGED_CALENDAR, q), paging.shown(),
                from(q).atStartOfDay(CalendarService.GERMAN_TIME).toInstant(),
                paging.next().map(next -> url(Route.MERGED_CALENDAR_ATOM, startingOn(q, next))));
        Responses.cacheable(ctx, FeedHandler.ATOM, body, MAX_AGE_SECONDS);
    }

    /** A feed's events: up to {@link #FEED_EVENTS}, ending with a whole day, and the day its next document begins. */
    private CalendarPaging feedPage(CalendarQuery q) {
        return CalendarPaging.of(calendar.entries(q.filter(), FEED_EVENTS + 1), FEED_EVENTS, q.filter().to());
    }

    /** The same filter from another day on. */
    private static CalendarQuery startingOn(CalendarQuery q, LocalDate day) {
        CalendarFilter f = q.filter();
        return new CalendarQuery(new CalendarFilter(f.lands(), f.fields(), f.attendance(), Optional.of(day), f.to(), f.municipalities()), q.lang());
    }

    /** Feeds have no form to show a mistake in: the 400's message says it (in English unless the query asks German). */
    private CalendarQuery feedQuery(RoutingContext ctx) {
        try {
            return CalendarQuery.parse(ctx.request().query(), base.getRawAuthority());
        } catch (BadFilter bad) {
            String lang = askedLanguage(ctx.request().query()).orElse("en");
            throw ApiException.badRequest(texts.text(lang, bad.key(), bad.args()));
        }
    }

    private CalendarPage.Links links(CalendarQuery q, String lang) {
        // The feeds of a page in English speak English too, even where the browser (not the query) chose it.
        CalendarQuery feeds = q.lang().isPresent() || lang.equals("de") ? q : q.inLanguage(Optional.of(lang));
        String other = lang.equals("de") ? "en" : "de";
        String path = Route.MERGED_CALENDAR.path();
        return new CalendarPage.Links(url(Route.MERGED_CALENDAR, q).toString(), url(Route.MERGED_CALENDAR_ICS, feeds).toString(),
                url(Route.MERGED_CALENDAR_ATOM, feeds).toString(), path + q.inLanguage(Optional.of(other)).query(),
                path + new CalendarQuery(CalendarFilter.ANY, q.lang()).query(), path);
    }

    /**
     * The language a query asks for, read on its own: also from a query whose filter is wrong (its error page speaks
     * that language), and without Vert.x's parameter decoding, which a malformed query would make fail.
     */
    public static Optional<String> askedLanguage(String rawQuery) {
        if (rawQuery == null) return Optional.empty();
        for (String pair : rawQuery.split("&")) {
            if (pair.equals(Param.LANG.name() + "=de")) return Optional.of("de");
            if (pair.equals(Param.LANG.name() + "=en")) return Optional.of("en");
        }
        return Optional.empty();
    }

    /** German or English as the browser prefers (Accept-Language); German if it names neither. */
    public static String browserLanguage(RoutingContext ctx) {
        for (var l : ctx.acceptableLanguages()) {
            String tag = l.tag().toLowerCase(java.util.Locale.ROOT);
            if (CalendarTexts.LANGUAGES.contains(tag)) return tag;
        }
        return "de";
    }

    private String title(String lang) {
        return texts.text(lang, "feed.title", base.getRawAuthority());
    }

    private LocalDate from(CalendarQuery q) {
        return q.filter().from().orElseGet(calendar::today);
    }

    private URI url(Route route, CalendarQuery q) {
        return URI.create(base.resolve(route.path()) + q.query());
    }
}
