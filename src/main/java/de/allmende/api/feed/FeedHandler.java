package de.allmende.api.feed;

import de.allmende.api.PathParams;
import de.allmende.api.Responses;
import de.allmende.content.Content;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.service.ActorService;
import de.allmende.service.ContentService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Atom feeds (all content, or one kind) and the iCalendar feed of an actor's events. Public like
 * the HTML pages; cacheable for a few minutes and revalidated by ETag.
 */
public final class FeedHandler {
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String CALENDAR = "text/calendar; charset=utf-8";
    /** Entries per Atom feed, newest first. */
    static final int ENTRIES = 50;
    /** Calendars list the events of the past year and every future one (bounded, for safety). */
    static final int MAX_EVENTS = 2000;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final int MAX_AGE_SECONDS = 300;

    private final ActorService actors;
    private final ContentService content;
    private final ContentToAtom atom;
    private final EventsToICal ical;
    private final Clock clock;

    public FeedHandler(ActorService actors, ContentService content, ContentToAtom atom, EventsToICal ical, Clock clock) {
        this.actors = actors;
        this.content = content;
        this.atom = atom;
        this.ical = ical;
        this.clock = clock;
    }

    public void atom(RoutingContext ctx) {
        LocalActor a = actor(ctx);
        Responses.cacheable(ctx, ATOM, atom.feed(a, null, content.recent(a, null, ENTRIES)), MAX_AGE_SECONDS);
    }

    public void kindAtom(RoutingContext ctx) {
        LocalActor a = actor(ctx);
        ContentKind kind = PathParams.kind(ctx, "no such feed");
        Responses.cacheable(ctx, ATOM, atom.feed(a, kind, content.recent(a, kind, ENTRIES)), MAX_AGE_SECONDS);
    }

    public void calendar(RoutingContext ctx) {
        LocalActor a = actor(ctx);
        Instant from = clock.instant().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        List<Content> events = content.events(a, from, END_OF_TIME, MAX_EVENTS);
        Responses.cacheable(ctx, CALENDAR, ical.calendar(a, events, from), MAX_AGE_SECONDS);
    }

    private LocalActor actor(RoutingContext ctx) {
        return actors.findMunicipality(PathParams.handle(ctx)).orElseThrow(() -> ApiException.notFound("no such actor"));
    }
}
