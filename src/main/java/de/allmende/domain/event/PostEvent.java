package de.allmende.domain.event;

import java.net.URI;

/** A post (a Note or municipal content) by {@code actor}, named by its IRI ({@code subject}). */
public sealed interface PostEvent extends DomainEvent {

    record PostCreated(URI actor, URI subject, String objectType) implements PostEvent {}

    record PostEdited(URI actor, URI subject, String objectType) implements PostEvent {}

    record PostDeleted(URI actor, URI subject) implements PostEvent {}
}
