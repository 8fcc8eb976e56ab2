package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.Json;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;

/** Like (favourite) and Announce (boost): at most one of each per actor and object. */
public final class ReactionHandler implements ActivityHandler {
    private final HandlerContext c;
    private final Kind kind;

    public ReactionHandler(HandlerContext c, Kind kind) {
        this.c = c;
        this.kind = kind;
    }

    @Override
    public void handle(ObjectNode activity, URI actor) {
        URI object = Json.uri(activity.get("object")).orElseThrow(() -> new IllegalArgumentException("no object"));
        c.db().dsl().transaction(cfg -> {
            c.activities().insert(cfg.dsl(), activity.get("id").asText(), Json.firstType(activity).orElseThrow(), actor.toString(),
                    object.toString(), null, Json.isPublic(activity), activity);
            c.reactions().insert(cfg.dsl(), kind, actor.toString(), object.toString(), activity.get("id").asText());
        });
    }
}
