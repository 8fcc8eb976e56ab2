package de.allmende.service;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.service.port.Publisher;
import de.allmende.store.ObjectStore;

import java.net.URI;
import java.util.Optional;

/**
 * Someone asks to join one of our events (Mobilizon's RSVP). This node takes no sign-ups over ActivityPub —
 * registration is external or not needed — so, as FEP-8a8e asks of such servers, the request is answered with
 * Ignore, and the participant's server does not wait for an answer that never comes.
 */
public final class EventJoins {
    private final Database db;
    private final ActorService actors;
    private final Publisher publisher;
    private final ReceivedActivities received = new ReceivedActivities();
    private final ObjectStore objects = new ObjectStore();

    public EventJoins(Database db, ActorService actors, Publisher publisher) {
        this.db = db;
        this.actors = actors;
        this.publisher = publisher;
    }

    /** The municipality whose event this is; empty if it is not one of our (undeleted) events. */
    public Optional<LocalActor> organiserOf(URI event) {
        return objects.find(db.dsl(), event.toString())
                .filter(o -> o.localActorId().isPresent() && o.deleted().isEmpty() && "Event".equals(o.type()))
                .flatMap(o -> actors.findById(o.localActorId().get()));
    }

    /** Keeps the Join (of the event it names as its object) and answers it with Ignore; a Join answered before is not answered again. */
    public void ignore(LocalActor organiser, ReceivedActivity join, RemoteActor participant) {
        db.dsl().transaction(cfg -> {
            if (!received.keep(cfg.dsl(), join)) return; // already answered
            publisher.ignoreJoin(cfg.dsl(), organiser, join.id(), participant);
        });
    }
}
