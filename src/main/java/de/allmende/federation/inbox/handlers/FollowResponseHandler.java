package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.event.FollowEvent.FollowRejected;
import de.allmende.domain.event.FollowEvent.Followed;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.Json;
import de.allmende.store.EventStore;
import de.allmende.store.FollowStore.Follow;

import java.net.URI;
import java.util.Optional;

/**
 * Accept or Reject of one of our Follows. Matched like Mastodon: by the Follow's id, or by an
 * embedded Follow whose actor is ours. Only the followed actor may answer.
 */
public final class FollowResponseHandler implements ActivityHandler {
    private final HandlerContext c;
    private final boolean accept;
    private final EventStore events = new EventStore();

    private FollowResponseHandler(HandlerContext c, boolean accept) {
        this.c = c;
        this.accept = accept;
    }

    public static FollowResponseHandler accept(HandlerContext c) { return new FollowResponseHandler(c, true); }

    public static FollowResponseHandler reject(HandlerContext c) { return new FollowResponseHandler(c, false); }

    @Override
    public void handle(ObjectNode activity, URI actor) {
        c.db().dsl().transaction(cfg -> {
            var tx = cfg.dsl();
            JsonNode object = activity.get("object");
            Optional<Follow> follow = Json.uri(object).flatMap(id -> c.follows().findByActivity(tx, id.toString()));
            if (follow.isEmpty() && object != null && object.isObject()) {
                Optional<URI> follower = Json.uri(object.get("actor"));
                follow = follower.flatMap(f -> c.follows().find(tx, f.toString(), actor.toString()));
            }
            if (follow.isEmpty() || !follow.get().followee().equals(actor.toString())) return; // not ours, or not theirs to answer
            URI follower = URI.create(follow.get().follower());
            if (accept) {
                c.follows().accept(tx, follow.get().id());
                events.record(tx, new Followed(follower, actor));
            } else {
                c.follows().delete(tx, follow.get().follower(), follow.get().followee());
                events.record(tx, new FollowRejected(follower, actor));
            }
        });
    }
}
