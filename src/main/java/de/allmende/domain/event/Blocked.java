package de.allmende.domain.event;

import java.net.URI;

/**
 * A remote actor or a whole domain was blocked ({@code subject}: the actor's IRI, or {@code https://<domain>} for a
 * domain). {@code actor} is who blocks: the node's instance actor when its operators block for the whole node, a
 * municipality when it blocks for itself from its app.
 */
public record Blocked(URI actor, URI subject, Scope scope) implements DomainEvent {
    public enum Scope { ACTOR, DOMAIN }
}
