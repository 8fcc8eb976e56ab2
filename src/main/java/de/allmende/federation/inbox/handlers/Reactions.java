package de.allmende.federation.inbox.handlers;

import de.allmende.federation.vocab.ObjectRef;

import java.net.URI;
import java.util.Set;

/**
 * What Like and Announce have in common as read: the object reacted to, and relayed activities that are none. (Who
 * reacted is the actor as stored when its signature was checked, see {@code ActorResolver.known}.)
 */
final class Reactions {
    /** Activity types a group may relay inside an Announce (FEP-1b12): neither liked nor boosted themselves. */
    private static final Set<String> RELAYED_TYPES = Set.of("Create", "Update", "Delete", "Like", "Dislike", "Announce", "Undo",
            "Follow", "Accept", "Reject", "Add", "Remove", "Block", "Flag", "Join", "Leave", "Move", "EmojiReact");

    private Reactions() {}

    /** Whether {@code object} is an activity embedded for relaying (a group passing on its members' activities). */
    static boolean isRelayedActivity(ObjectRef object) {
        return object.embedded().flatMap(o -> o.type()).filter(RELAYED_TYPES::contains).isPresent();
    }

    /** The IRI reacted to; an activity naming nothing we can read cannot be applied. */
    static URI target(ObjectRef object) {
        return object.iri().orElseThrow(() -> new IllegalArgumentException("no object"));
    }
}
