package de.allmende.api.feed;

import de.allmende.api.Responses;
import de.allmende.content.ContentKind;
import de.allmende.domain.LocalActor;
import de.allmende.service.ActorService;
import de.allmende.service.ContentService;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

/**
 * Atom feeds of an actor's content (all of it, or one kind). Public like
 * the HTML pages; cacheable for a few minutes and revalidated by ETag.
 */
public final class FeedHandler {
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    /** Entries per Atom feed, newest first. */
    static final int ENTRIES = 50;
    private static final int MAX_AGE_SECONDS = 300;

    private final ActorService actors;
    private final ContentService content;
    private final ContentToAtom atom;

    public FeedHandler(ActorService actors, ContentService content, ContentToAtom atom) {
        this.actors = actors;
        this.content = content;
        this.atom = atom;
    }

    public void atom(RoutingContext ctx) {
        LocalActor a = actor(ctx);
        Responses.cacheable(ctx, ATOM, atom.feed(a, null, content.recent(a, null, ENTRIES)), MAX_AGE_SECONDS);
    }

    public void kindAtom(RoutingContext ctx) {
        LocalActor a = actor(ctx);
        ContentKind kind = ContentKind.byPlural(ctx.pathParam("kind")).orElseThrow(() -> ApiException.notFound("no such feed"));
        Responses.cacheable(ctx, ATOM, atom.feed(a, kind, content.recent(a, kind, ENTRIES)), MAX_AGE_SECONDS);
    }

    private LocalActor actor(RoutingContext ctx) {
        return actors.findMunicipality(ctx.pathParam("handle")).orElseThrow(() -> ApiException.notFound("no such actor"));
    }
}
