package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.domain.event.FollowEvent.Unfollowed;
import de.allmende.domain.event.ReactionEvent.Unboosted;
import de.allmende.domain.event.ReactionEvent.Unliked;
import de.allmende.federation.json.Json;
import de.allmende.store.EventStore;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;

/** Undo of the actor's own Follow, Like or Announce — dispatched on the embedded type as Mastodon does. */
public final class UndoHandler implements ActivityHandler {
    private final HandlerContext c;
    private final EventStore events = new EventStore();

    public UndoHandler(HandlerContext c) {
        this.c = c;
    }

    @Override
    public void handle(ObjectNode undo, URI actor) {
        JsonNode object = undo.get("object");
        String type = Json.firstType(object).orElse("");
        String objectId = Json.uri(object).map(URI::toString).orElse("");
        c.db().dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            if (type.equals("Follow") || type.isEmpty()) {
                var follow = c.follows().findByActivity(tx, objectId);
                if (follow.isEmpty() && object != null && object.isObject()) {
                    follow = Json.uri(object.get("object")).flatMap(t -> c.follows().find(tx, actor.toString(), t.toString()));
                }
                follow.filter(f -> f.follower().equals(actor.toString())).ifPresent(f -> {
                    c.follows().delete(tx, f.follower(), f.followee());
                    events.record(tx, new Unfollowed(actor, URI.create(f.followee())));
                });
            }
            if (type.equals("Like") || type.equals("Announce") || type.isEmpty()) {
                boolean removed = c.reactions().deleteByActivity(tx, objectId, actor.toString());
                // Lemmy embeds a Like with a fresh id in its Undo; like Mastodon, fall back to the
                // embedded activity's object (only the undoing actor's own reaction is removed).
                Kind kind = type.equals("Like") ? Kind.LIKE : Kind.ANNOUNCE;
                if (!removed && !type.isEmpty() && object.isObject()) {
                    Json.uri(object.get("object")).ifPresent(o -> {
                        if (c.reactions().delete(tx, kind, actor.toString(), o.toString())) recordUndone(tx, kind, actor, o);
                    });
                } else if (removed && !type.isEmpty()) {
                    Json.uri(object.get("object")).ifPresent(o -> recordUndone(tx, kind, actor, o));
                }
            }
        });
    }

    private void recordUndone(org.jooq.DSLContext tx, Kind kind, URI actor, URI object) {
        events.record(tx, kind == Kind.LIKE ? new Unliked(actor, object) : new Unboosted(actor, object));
    }
}
