package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.FollowRequested;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.Json;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore.State;

import java.io.IOException;
import java.net.URI;

/**
 * Follow of a local municipality: accepted at once (Accept embeds the Follow, as Mastodon does), or
 * kept pending when the municipality approves followers manually, or rejected for blocked actors.
 */
public final class FollowHandler implements ActivityHandler {
    private final HandlerContext c;
    private final EventStore events = new EventStore();

    public FollowHandler(HandlerContext c) {
        this.c = c;
    }

    @Override
    public void handle(ObjectNode follow, URI actor) throws IOException {
        URI target = Json.uri(follow.get("object")).orElseThrow(() -> new IllegalArgumentException("Follow without object"));
        LocalActor local = c.iris().parseActor(target).flatMap(c.actors()::findMunicipality)
                .orElseThrow(() -> new IllegalArgumentException("Follow of an unknown local actor " + target));
        RemoteActor follower = c.resolver().resolve(actor);
        boolean blocked = c.moderation().isBlockedActor(actor.toString());
        c.db().dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            c.activities().insert(tx, follow.get("id").asText(), "Follow", actor.toString(), target.toString(), null, false, follow);
            if (blocked) {
                events.record(tx, new FollowRejected(actor, target));
                c.outbox().rejectFollow(tx, local, follow, follower);
                return;
            }
            State state = local.manuallyApprovesFollowers() ? State.PENDING : State.ACCEPTED;
            c.follows().upsert(tx, actor.toString(), target.toString(), follow.get("id").asText(), state);
            events.record(tx, state == State.ACCEPTED ? new Followed(actor, target) : new FollowRequested(actor, target));
            if (state == State.ACCEPTED) {
                long followId = c.follows().find(tx, actor.toString(), target.toString()).orElseThrow().id();
                c.outbox().acceptFollow(tx, local, followId, follow, follower);
            }
        });
    }
}
