package de.allmende.domain.event;

import java.net.URI;

/** A municipality ({@code actor}) lifted its block of an actor or a domain ({@code subject}, as in {@link Blocked}). */
public record Unblocked(URI actor, URI subject, Blocked.Scope scope) implements DomainEvent {}
