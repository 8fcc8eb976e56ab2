package de.allmende.federation.inbox.handlers;

import de.allmende.domain.LocalActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.JoinActivity;
import de.allmende.service.EventJoins;

import java.io.IOException;
import java.util.Optional;

/** Join of one of our events (Mobilizon's RSVP): answered with Ignore by the {@link EventJoins} use case. */
public final class JoinHandler implements ActivityHandler<JoinActivity> {
    private final EventJoins joins;
    private final ActorResolver resolver;

    public JoinHandler(EventJoins joins, ActorResolver resolver) {
        this.joins = joins;
        this.resolver = resolver;
    }

    @Override
    public void handle(JoinActivity join) throws IOException {
        Optional<LocalActor> organiser = joins.organiserOf(join.event());
        if (organiser.isEmpty()) return; // not one of our events: nothing to answer
        joins.ignore(organiser.get(), ReceivedActivities.neverPublic(join.activity(), join.event()), resolver.resolve(join.actor()));
    }
}
