package de.allmende.federation.inbox;

import de.allmende.federation.vocab.ActivityView;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches inbound activities to the one handler registered for their view type. A type without a
 * view (Leave, Move …), or a view without a handler, is ignored.
 */
public final class ActivityRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRouter.class);
    private final Map<Class<? extends ActivityView>, Route<?>> routes = new HashMap<>();

    /** A handler with the view type it takes, so that dispatch needs no unchecked cast. */
    private record Route<A extends ActivityView>(Class<A> view, ActivityHandler<? super A> handler) {
        void handle(ActivityView activity) throws IOException {
            handler.handle(view.cast(activity));
        }
    }

    /** @throws IllegalStateException if {@code view} has a handler already: each type has exactly one */
    public <A extends ActivityView> ActivityRouter on(Class<A> view, ActivityHandler<? super A> handler) {
        if (routes.putIfAbsent(view, new Route<>(view, handler)) != null) {
            throw new IllegalStateException(view.getSimpleName() + " has a handler already");
        }
        return this;
    }

    /** The view types that have a handler. */
    public Set<Class<? extends ActivityView>> routed() {
        return Set.copyOf(routes.keySet());
    }

    /** The handler of {@code view}, if it has one. */
    public Optional<ActivityHandler<?>> handlerOf(Class<? extends ActivityView> view) {
        return Optional.ofNullable(routes.get(view)).map(Route::handler);
    }

    /** Hands the view to its handler. */
    public void dispatch(ActivityView activity) throws IOException {
        Route<?> route = routes.get(activity.getClass());
        if (route == null) {
            LOG.debug("no handler for {} {}", activity.activity().type(), activity.id());
            return;
        }
        route.handle(activity);
    }

    /** Reads the activity's view and dispatches it; for tests that apply recorded activities without the queue. */
    public void route(InboundActivity activity) throws IOException {
        var view = AsToInboundActivity.view(activity);
        if (view.isEmpty()) {
            LOG.debug("ignoring {} {}", activity.type(), activity.id());
            return;
        }
        dispatch(view.get());
    }
}
