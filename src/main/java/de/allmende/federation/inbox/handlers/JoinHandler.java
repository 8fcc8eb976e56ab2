package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.Json;

import java.io.IOException;
import java.net.URI;

/**
 * Join of one of our events (Mobilizon's RSVP). This node takes no sign-ups over ActivityPub —
 * registration is external or not needed — so, as FEP-8a8e asks of such servers, it answers
 * with Ignore, and the participant's server does not wait for an answer that never comes.
 */
public final class JoinHandler implements ActivityHandler {
    private final HandlerContext c;

    public JoinHandler(HandlerContext c) {
        this.c = c;
    }

    @Override
    public void handle(ObjectNode join, URI actor) throws IOException {
        URI event = Json.uri(join.get("object")).orElseThrow(() -> new IllegalArgumentException("Join without object"));
        var stored = c.objects().find(c.db().dsl(), event.toString())
                .filter(o -> o.localActorId().isPresent() && o.deleted().isEmpty() && "Event".equals(o.type()));
        if (stored.isEmpty()) return; // not one of our events: nothing to answer
        LocalActor organiser = c.actors().findById(stored.get().localActorId().get()).orElse(null);
        if (organiser == null) return;
        RemoteActor participant = c.resolver().resolve(actor);
        c.db().dsl().transaction(cfg -> {
            if (c.activities().insert(cfg.dsl(), join.get("id").asText(), "Join", actor.toString(), event.toString(), null, false, join).isEmpty()) {
                return; // already answered
            }
            c.outbox().ignore(cfg.dsl(), organiser, join, participant);
        });
    }
}
