package de.allmende.service;

import de.allmende.store.ActivityStore;
import org.jooq.DSLContext;

/** Where the use cases keep the {@link ReceivedActivity activities} that brought their changes. */
final class ReceivedActivities {
    private final ActivityStore activities = new ActivityStore();

    /** Keeps {@code activity}; false if it was kept before (a redelivery). */
    boolean keep(DSLContext tx, ReceivedActivity activity) {
        return activities.insert(tx, activity.id().toString(), activity.type(), activity.actor().toString(),
                activity.object().toString(), null, activity.isPublic(), activity.json()).isPresent();
    }

    /** Whether an activity (a boost, say) with this IRI was kept. */
    boolean holds(DSLContext tx, String iri) {
        return activities.find(tx, iri).isPresent();
    }
}
