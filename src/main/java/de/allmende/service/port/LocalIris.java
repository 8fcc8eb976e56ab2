package de.allmende.service.port;

import java.net.URI;
import java.util.UUID;

/**
 * The IRIs this node mints, as the use cases need them. The route table implements it
 * ({@code federation.iri.Iris}), so services name what they create without knowing the URL layout.
 */
public interface LocalIris {
    URI actor(String handle);

    URI followers(String handle);

    URI object(String id);

    URI activity(String id);

    URI media(UUID id);

    /** Where a hashtag links ({@code <base>/tags/<name>}, as Mastodon links them). */
    URI tag(String name);

    /** True if the IRI is on this node. */
    boolean isLocal(URI iri);

    /** The handle of the local actor this IRI names, if it names one. */
    java.util.Optional<String> parseActor(URI iri);

    /** A fresh IRI for a new object. */
    default URI newObject() {
        return object(UUID.randomUUID().toString());
    }

    /** A fresh IRI for a new activity. */
    default URI newActivity() {
        return activity(UUID.randomUUID().toString());
    }
}
