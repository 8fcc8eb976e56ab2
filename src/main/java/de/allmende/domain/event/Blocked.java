package de.allmende.domain.event;

import java.net.URI;

/**
 * The node's operators blocked a remote actor or a whole domain ({@code subject}: the actor's IRI, or
 * {@code https://<domain>} for a domain). {@code actor} is the node's instance actor.
 */
public record Blocked(URI actor, URI subject, Scope scope) implements DomainEvent {
    public enum Scope { ACTOR, DOMAIN }
}
