package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.json.Json;
import de.allmende.store.EventStore;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;
import java.util.Set;

/** Like (favourite) and Announce (boost): at most one of each per actor and object. */
public final class ReactionHandler implements ActivityHandler {
    /** Activity types a group may relay inside an Announce (FEP-1b12). */
    private static final Set<String> RELAYED_TYPES = Set.of("Create", "Update", "Delete", "Like", "Dislike", "Announce", "Undo",
            "Follow", "Accept", "Reject", "Add", "Remove", "Block", "Flag", "Join", "Leave", "Move", "EmojiReact");

    private final HandlerContext c;
    private final Kind kind;
    private final AnnouncedObjects announced;
    private final EventStore events = new EventStore();

    public ReactionHandler(HandlerContext c, Kind kind) {
        this.c = c;
        this.kind = kind;
        this.announced = new AnnouncedObjects(c);
    }

    @Override
    public void handle(ObjectNode activity, URI actor) {
        JsonNode embedded = activity.get("object");
        JsonNode context = activity.get("@context");
        if (embedded != null && embedded.isObject() && RELAYED_TYPES.contains(Json.firstType(embedded).orElse(""))) {
            // An embedded activity: a group relaying its members' activities (FEP-1b12, Lemmy). Neither
            // a like nor a boost of that activity. An Announce(Create) is recorded as the group's boost
            // of the created object (as Mastodon shows it); the relayed copy is kept only as any boosted
            // object is (see AnnouncedObjects). Other relays (Like, Update, Delete, Undo …) are ignored.
            if (kind != Kind.ANNOUNCE || !"Create".equals(Json.firstType(embedded).orElse(""))) return;
            if (embedded.has("@context")) context = embedded.get("@context");
            embedded = embedded.get("object");
        }
        URI object = Json.uri(embedded).orElseThrow(() -> new IllegalArgumentException("no object"));
        if (kind == Kind.ANNOUNCE) announced.keep(object, embedded, context, actor);
        c.db().dsl().transaction(cfg -> {
            c.activities().insert(cfg.dsl(), activity.get("id").asText(), Json.firstType(activity).orElseThrow(), actor.toString(),
                    object.toString(), null, Json.isPublic(activity), activity);
            if (c.reactions().insert(cfg.dsl(), kind, actor.toString(), object.toString(), activity.get("id").asText())) {
                events.record(cfg.dsl(), kind == Kind.LIKE ? new Liked(actor, object) : new Boosted(actor, object));
            }
        });
    }
}
