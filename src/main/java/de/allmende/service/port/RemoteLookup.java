package de.allmende.service.port;

import java.net.URI;
import java.util.Optional;

/**
 * Accounts and posts on other servers, looked up over the network when an app searches with {@code resolve=true}
 * (federation implements it: WebFinger and signed fetches through the SSRF-guarded client). What is found is stored
 * (an actor) or kept (a post), so the client API can show it by id. Call it before opening a transaction. Nothing
 * found, a blocked server or an unreachable one is empty: search then simply has no result.
 */
public interface RemoteLookup {
    /** The actor {@code user@host} names, through WebFinger, fetched and stored; its IRI. */
    Optional<URI> actorByHandle(String user, String host);

    /** What a URL on another server names (a profile page or post URL works too): an actor, stored, or a post, kept. */
    Optional<Found> byUrl(URI url);

    /** What a URL turned out to be, by its canonical IRI. */
    sealed interface Found {
        URI iri();

        record Actor(URI iri) implements Found {}

        record Post(URI iri) implements Found {}
    }
}
