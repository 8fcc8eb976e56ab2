package de.allmende.federation.inbox.handlers;

import de.allmende.domain.event.ReactionEvent.Boosted;
import de.allmende.domain.event.ReactionEvent.Liked;
import de.allmende.store.EventStore;
import de.allmende.db.Database;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.federation.vocab.ObjectRef;
import de.allmende.store.ActivityStore;
import de.allmende.store.ReactionStore;
import de.allmende.store.ReactionStore.Kind;

import java.net.URI;
import java.util.Set;

/** What Like and Announce have in common: at most one of each per actor and object, recorded with the activity. */
final class Reactions {
    /** Activity types a group may relay inside an Announce (FEP-1b12): neither liked nor boosted themselves. */
    private static final Set<String> RELAYED_TYPES = Set.of("Create", "Update", "Delete", "Like", "Dislike", "Announce", "Undo",
            "Follow", "Accept", "Reject", "Add", "Remove", "Block", "Flag", "Join", "Leave", "Move", "EmojiReact");

    private final Database db;
    private final ActivityStore activities = new ActivityStore();
    private final ReactionStore reactions = new ReactionStore();
    private final EventStore events = new EventStore();

    Reactions(Database db) {
        this.db = db;
    }

    /** Whether {@code object} is an activity embedded for relaying (a group passing on its members' activities). */
    static boolean isRelayedActivity(ObjectRef object) {
        return object.embedded().flatMap(o -> o.type()).filter(RELAYED_TYPES::contains).isPresent();
    }

    /** The IRI reacted to; an activity naming nothing we can read cannot be applied. */
    static URI target(ObjectRef object) {
        return object.iri().orElseThrow(() -> new IllegalArgumentException("no object"));
    }

    void record(Kind kind, InboundActivity activity, URI object) {
        db.dsl().transaction(cfg -> {
            activities.insert(cfg.dsl(), activity.id().toString(), activity.type(), activity.actor().toString(), object.toString(), null,
                    activity.isPublic(), activity.raw());
            if (reactions.insert(cfg.dsl(), kind, activity.actor().toString(), object.toString(), activity.id().toString())) {
                events.record(cfg.dsl(), kind == Kind.LIKE ? new Liked(activity.actor(), object) : new Boosted(activity.actor(), object));
            }
        });
    }
}
