package de.allmende.domain.event;

import java.net.URI;

/**
 * A post mentions an account of this node: {@code actor} wrote {@code subject} (the post) naming
 * {@code mentioned}. One event per mentioned local account, for the notifications to come.
 */
public record Mentioned(URI actor, URI subject, URI mentioned) implements DomainEvent {}
