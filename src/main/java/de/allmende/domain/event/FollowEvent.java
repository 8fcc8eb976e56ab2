package de.allmende.domain.event;

import java.net.URI;

/** Follow relationships: {@code actor} follows (or asks to follow, or stops following) {@code subject}. */
public sealed interface FollowEvent extends DomainEvent {

    /** The follow waits for the followee's approval. */
    record FollowRequested(URI actor, URI subject) implements FollowEvent {}

    /** The follow holds: accepted at once, or approved later. */
    record Followed(URI actor, URI subject) implements FollowEvent {}

    /** The followee turned the request down. */
    record FollowRejected(URI actor, URI subject) implements FollowEvent {}

    record Unfollowed(URI actor, URI subject) implements FollowEvent {}
}
