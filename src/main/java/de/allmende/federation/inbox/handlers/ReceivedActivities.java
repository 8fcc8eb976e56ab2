package de.allmende.federation.inbox.handlers;

import de.allmende.domain.RawJson;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.service.ReceivedActivity;

import java.net.URI;

/** A verified inbound activity as the use cases keep it: its facts, what it is about, and its JSON as it came. */
final class ReceivedActivities {
    private ReceivedActivities() {}

    /** Shown as public if it is addressed so (a Create, a Like, an Announce). */
    static ReceivedActivity of(InboundActivity activity, URI object) {
        return kept(activity, object, activity.isPublic());
    }

    /** Never shown as public, however addressed (a Follow, a Delete, a Join). */
    static ReceivedActivity neverPublic(InboundActivity activity, URI object) {
        return kept(activity, object, false);
    }

    private static ReceivedActivity kept(InboundActivity activity, URI object, boolean isPublic) {
        return new ReceivedActivity(activity.id(), activity.type(), activity.actor(), object, isPublic,
                new RawJson(activity.raw().toString()));
    }
}
