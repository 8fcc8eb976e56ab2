package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.db.Database;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.json.Json;
import de.allmende.service.port.Municipalities;
import de.allmende.support.ApiException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds municipalities for a coordinator: by handle (WebFinger), by node (the {@code metadata.municipalities} list
 * of an Allmende node's NodeInfo, the newest 2.x document its discovery names), and their outboxes (the actor
 * document, fetched signed by the coordinator, as nodes in authorized-fetch mode require). On the way it keeps the
 * node's software and the municipality's follower count for the directory ({@link NodeFacts}).
 */
public final class MunicipalityDiscovery implements Municipalities {
    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final NodeFacts facts;

    public MunicipalityDiscovery(ActorResolver resolver, RemoteFetcher fetcher, SafeHttpClient http, Database db) {
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.facts = new NodeFacts(db, http, fetcher);
    }

    /** Also takes the actor's URL as it is (to unsubscribe from a node that no longer answers WebFinger, say). */
    @Override
    public URI byHandle(String handle) {
        if (handle.startsWith("https://") || handle.startsWith("http://")) {
            try {
                URI actor = new URI(handle);
                if (actor.getHost() != null) return actor;
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw ApiException.unprocessable("not an actor URL: " + handle);
        }
        try {
            return resolver.webfinger(handle);
        } catch (IOException e) {
            throw ApiException.unprocessable("cannot resolve " + handle + ": " + e.getMessage());
        }
    }

    @Override
    public List<URI> ofNode(URI node) {
        try {
            List<URI> found = new ArrayList<>();
            for (JsonNode m : Json.each(facts.nodeInfo(node).path("metadata").get("municipalities"))) {
                // Only actors of that node: a node vouches for its own municipalities, not for others'.
                Json.uri(m.get("actor")).filter(a -> a.getRawAuthority().equalsIgnoreCase(node.getRawAuthority())).ifPresent(found::add);
            }
            return found;
        } catch (NodeFacts.NoNodeInfo e) {
            throw ApiException.unprocessable(e.getMessage());
        } catch (IOException e) {
            throw ApiException.ofField(502, "node " + node + " did not answer as an Allmende node: " + e.getMessage(), "node", e.getMessage());
        }
    }

    @Override
    public URI outboxOf(URI municipality, long coordinatorId, URI coordinatorIri) {
        try {
            JsonNode actor = fetcher.fetchAs(municipality, coordinatorId, coordinatorIri, Limits.FETCH);
            URI outbox = Json.uri(actor.get("outbox")).orElseThrow(() -> ApiException.unprocessable(municipality + " has no outbox"));
            if (!outbox.getRawAuthority().equalsIgnoreCase(municipality.getRawAuthority())) {
                throw ApiException.unprocessable(municipality + " names an outbox on another host");
            }
            facts.learnFrom(municipality, actor, coordinatorId, coordinatorIri);
            return outbox;
        } catch (IOException e) {
            throw ApiException.ofField(502, "cannot fetch " + municipality + ": " + e.getMessage(), "municipality", e.getMessage());
        }
    }
}
