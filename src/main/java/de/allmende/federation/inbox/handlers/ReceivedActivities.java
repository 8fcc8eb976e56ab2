package de.allmende.federation.inbox.handlers;

import de.allmende.domain.RawJson;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.service.RemotePosts.ReceivedActivity;

/** A verified inbound activity as the use cases keep it: its facts, and its JSON as it came. */
final class ReceivedActivities {
    private ReceivedActivities() {}

    static ReceivedActivity of(InboundActivity activity) {
        return new ReceivedActivity(activity.id(), activity.type(), activity.actor(), activity.isPublic(),
                new RawJson(activity.raw().toString()));
    }
}
