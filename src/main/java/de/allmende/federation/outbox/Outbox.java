package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.LocalActor;
import de.allmende.domain.event.ActivityPublished;
import de.allmende.federation.iri.Iris;
import de.allmende.store.ActivityStore;
import de.allmende.store.DeliveryStore;
import de.allmende.store.EventStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The delivering half of the outbound adapter: an activity built by {@link OutboxService} is signed (FEP-8b32),
 * stored in the actor's outbox and queued for delivery, in the caller's transaction.
 */
final class Outbox {
    private final Iris iris;
    private final ProofSigner proofs;
    private final ActivityStore activities = new ActivityStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final EventStore events = new EventStore();

    Outbox(Iris iris, ProofSigner proofs) {
        this.iris = iris;
        this.proofs = proofs;
    }

    /** To the inboxes named: their delivery rows are written now, in the caller's transaction. */
    void toInboxes(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic, Collection<String> inboxes) {
        publish(tx, a, unsigned, objectIri, isPublic, false, inboxes);
    }

    /**
     * To the actor's followers (and {@code alsoTo}): only {@code alsoTo} gets its rows now; the followers' rows are
     * written after the commit by the fan-out consumer of {@link ActivityPublished}, so publishing costs the same
     * for ten followers as for ten thousand.
     */
    void toFollowers(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic, Collection<String> alsoTo) {
        publish(tx, a, unsigned, objectIri, isPublic, true, alsoTo);
    }

    private void publish(DSLContext tx, LocalActor a, ObjectNode unsigned, String objectIri, boolean isPublic, boolean toFollowers,
                         Collection<String> inboxes) {
        URI actor = iris.actorOf(a);
        ObjectNode activity = proofs.sign(a.id(), actor, unsigned);
        long activityId = activities.insert(tx, activity.get("id").asText(), activity.get("type").asText(),
                activity.get("actor").asText(), objectIri, a.id(), isPublic, activity).orElseThrow();
        deliveries.enqueue(tx, activityId, a.id(), inboxes);
        events.record(tx, new ActivityPublished(actor, URI.create(activity.get("id").asText()),
                activity.get("type").asText(), activityId, a.id(), toFollowers, List.copyOf(inboxes)));
    }
}
