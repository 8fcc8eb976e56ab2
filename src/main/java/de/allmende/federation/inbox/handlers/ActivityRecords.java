package de.allmende.federation.inbox.handlers;

import de.allmende.federation.vocab.InboundActivity;
import de.allmende.service.port.ReceivedActivity;
import de.allmende.store.ActivityStore;

import java.net.URI;

/** The record of a received activity a use case writes with its change: id, type, actor, object and the document. */
final class ActivityRecords {
    private static final ActivityStore ACTIVITIES = new ActivityStore();

    private ActivityRecords() {}

    /** @param isPublic whether it shows as public (a Like or Announce as addressed; a Follow never) */
    static ReceivedActivity of(InboundActivity a, URI object, boolean isPublic) {
        return tx -> ACTIVITIES.insert(tx, a.id().toString(), a.type(), a.actor().toString(), object.toString(), null, isPublic, a.raw());
    }
}
