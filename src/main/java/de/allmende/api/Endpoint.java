package de.allmende.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What serves one route: its handlers in order (a body reader first, where the route takes a body),
 * and for a route whose HTML page is public, how to tell that a request gets the page: the same
 * negotiation the handler makes, so authorized fetch lets exactly the page through.
 */
public record Endpoint(List<Handler<RoutingContext>> handlers, Optional<Predicate<RoutingContext>> servesPage, Threads threads) {
    /** Where a route's handlers run: on a virtual thread (they may block), or on the event loop (they never do). */
    public enum Threads { VIRTUAL, EVENT_LOOP }

    public Endpoint {
        handlers = List.copyOf(handlers);
    }

    @SafeVarargs
    public static Endpoint of(Handler<RoutingContext>... handlers) {
        return new Endpoint(List.of(handlers), Optional.empty(), Threads.VIRTUAL);
    }

    /** A handler that never blocks, answered on the event loop: it never waits in line behind blocking work. */
    public static Endpoint onEventLoop(Handler<RoutingContext> handler) {
        return new Endpoint(List.of(handler), Optional.empty(), Threads.EVENT_LOOP);
    }

    /** A page route's handler, and its negotiation between the HTML page and the ActivityStreams document. */
    public static Endpoint page(Handler<RoutingContext> handler, Predicate<RoutingContext> servesPage) {
        return new Endpoint(List.of(handler), Optional.of(servesPage), Threads.VIRTUAL);
    }
}
