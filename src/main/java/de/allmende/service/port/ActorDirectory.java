package de.allmende.service.port;

import de.allmende.domain.RemoteActor;

import java.net.URI;

/**
 * Remote actors as the use cases need them, found over the network (federation implements it).
 * Call it before opening a transaction. Failures are {@code ApiException}s with status 502.
 */
public interface ActorDirectory {
    /** The remote actor with this IRI. */
    RemoteActor actor(URI iri);

    /** The author of a remote object (its attributedTo, or the actor of an activity). */
    RemoteActor authorOf(URI object);
}
