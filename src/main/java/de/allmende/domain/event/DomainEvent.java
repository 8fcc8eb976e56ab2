package de.allmende.domain.event;

import java.net.URI;

/**
 * Something that happened on this node, recorded in the same transaction as the change (see
 * {@code store.EventStore}), for consumers that react off the request path: fan-out today; notifications,
 * streaming and search indexing are further consumers of the same log.
 *
 * <p>{@link #actor()} is who acted, {@link #subject()} what it is about (null if nothing beyond the actor).
 * Actors and objects are named by IRI until the domain model gives them ids of their own.
 */
public sealed interface DomainEvent permits ActivityPublished, PostEvent, FollowEvent, ReactionEvent, Blocked, Unblocked, Mentioned,
        NotificationCreated, PollEvent {

    URI actor();

    URI subject();

    /** The name stored in {@code domain_event.kind}; one per record type, never reused. */
    default String kind() {
        return EventKinds.kindOf(getClass());
    }
}
