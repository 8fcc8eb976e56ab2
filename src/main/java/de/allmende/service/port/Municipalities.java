package de.allmende.service.port;

import java.net.URI;
import java.util.List;

/**
 * Municipalities on other nodes, found over the network for a coordinator to subscribe to (federation implements
 * it). Call it before opening a transaction. Failures are {@code ApiException}s: 4xx for input that names nobody,
 * 502 for a node that does not answer as it should.
 */
public interface Municipalities {
    /** The actor IRI of {@code @name@host} (WebFinger), or of an actor URL given as it is. */
    URI byHandle(String handle);

    /** The municipalities a node publishes in its NodeInfo metadata (as every Allmende node does). */
    List<URI> ofNode(URI node);

    /** The outbox of a municipality's actor, read with a fetch signed by {@code coordinatorId}. */
    URI outboxOf(URI municipality, long coordinatorId, URI coordinatorIri);
}
