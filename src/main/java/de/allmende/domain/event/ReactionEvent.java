package de.allmende.domain.event;

import java.net.URI;

/** Favourites and boosts of a post ({@code subject}) by {@code actor}, and their withdrawal. */
public sealed interface ReactionEvent extends DomainEvent {

    record Liked(URI actor, URI subject) implements ReactionEvent {}

    record Unliked(URI actor, URI subject) implements ReactionEvent {}

    record Boosted(URI actor, URI subject) implements ReactionEvent {}

    record Unboosted(URI actor, URI subject) implements ReactionEvent {}
}
