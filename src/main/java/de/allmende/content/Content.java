package de.allmende.content;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A piece of municipal content: who published it, when, and its details. {@code id} is the local
 * id (the API's {@code {id}}) and empty for content received from other nodes.
 */
public record Content(Optional<UUID> id, URI iri, URI author, Instant published, Instant updated, ContentDetails details) {
    public ContentKind kind() {
        return details.kind();
    }
}
