package de.allmende.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.service.port.ActorDirectory;
import de.allmende.store.ObjectStore;
import de.allmende.support.ApiException;

import java.io.IOException;
import java.net.URI;

/** Remote actors for the use cases: resolved (and cached) by {@link ActorResolver}; unreachable ones are a 502. */
public final class RemoteActorDirectory implements ActorDirectory {
    private final Database db;
    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final ObjectStore objects = new ObjectStore();

    public RemoteActorDirectory(Database db, ActorResolver resolver, RemoteFetcher fetcher) {
        this.db = db;
        this.resolver = resolver;
        this.fetcher = fetcher;
    }

    @Override
    public RemoteActor actor(URI target) {
        try {
            return resolver.resolve(target);
        } catch (IOException e) {
            throw new ApiException(502, "cannot resolve " + target + ": " + e.getMessage(), e);
        }
    }

    /** The object as stored, else fetched; its attributedTo, or the actor of an activity. */
    @Override
    public RemoteActor authorOf(URI objectIri) {
        try {
            var known = objects.find(db.dsl(), objectIri.toString());
            JsonNode obj = known.isPresent() ? known.get().raw() : fetcher.fetch(objectIri);
            URI author = Json.uri(obj.get("attributedTo")).or(() -> Json.uri(obj.get("actor")))
                    .orElseThrow(() -> new IOException("object has no author"));
            return resolver.resolve(author);
        } catch (IOException e) {
            throw new ApiException(502, "cannot resolve " + objectIri + ": " + e.getMessage(), e);
        }
    }
}
