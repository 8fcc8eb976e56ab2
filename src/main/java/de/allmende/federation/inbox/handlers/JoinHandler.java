package de.allmende.federation.inbox.handlers;

import de.allmende.db.Database;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.outbox.OutboxService;
import de.allmende.federation.vocab.JoinActivity;
import de.allmende.service.ActorService;
import de.allmende.store.ActivityStore;
import de.allmende.store.ObjectStore;

import java.io.IOException;

/**
 * Join of one of our events (Mobilizon's RSVP). This node takes no sign-ups over ActivityPub —
 * registration is external or not needed — so, as FEP-8a8e asks of such servers, it answers
 * with Ignore, and the participant's server does not wait for an answer that never comes.
 */
public final class JoinHandler implements ActivityHandler<JoinActivity> {
    private final Database db;
    private final ActorService actors;
    private final ActorResolver resolver;
    private final OutboxService outbox;
    private final ActivityStore activities = new ActivityStore();
    private final ObjectStore objects = new ObjectStore();

    public JoinHandler(Database db, ActorService actors, ActorResolver resolver, OutboxService outbox) {
        this.db = db;
        this.actors = actors;
        this.resolver = resolver;
        this.outbox = outbox;
    }

    @Override
    public void handle(JoinActivity join) throws IOException {
        String event = join.event().toString();
        var stored = objects.find(db.dsl(), event)
                .filter(o -> o.localActorId().isPresent() && o.deleted().isEmpty() && "Event".equals(o.type()));
        if (stored.isEmpty()) return; // not one of our events: nothing to answer
        LocalActor organiser = actors.findById(stored.get().localActorId().get()).orElse(null);
        if (organiser == null) return;
        RemoteActor participant = resolver.resolve(join.actor());
        db.dsl().transaction(cfg -> {
            if (activities.insert(cfg.dsl(), join.id().toString(), "Join", join.actor().toString(), event, null, false,
                    join.activity().raw()).isEmpty()) {
                return; // already answered
            }
            outbox.ignore(cfg.dsl(), organiser, join.activity().raw(), participant);
        });
    }
}
