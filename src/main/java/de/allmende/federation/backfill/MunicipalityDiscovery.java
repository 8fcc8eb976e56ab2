package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.db.Database;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.json.Json;
import de.allmende.service.NodeInfoService;
import de.allmende.service.port.Municipalities;
import de.allmende.support.ApiException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            return municipalities(node, facts.nodeInfo(node));
        } catch (NodeFacts.NoNodeInfo e) {
            throw ApiException.unprocessable(e.getMessage());
        } catch (IOException e) {
            throw ApiException.ofField(502, "node " + node + " did not answer as an Allmende node: " + e.getMessage(), "node", e.getMessage());
        }
    }

    /**
     * The municipalities of {@code node} if its NodeInfo names the software {@value NodeInfoService#SOFTWARE_NAME};
     * empty if it names another, has no NodeInfo 2.x or refuses to serve it (4xx): not an Allmende node.
     *
     * @throws IOException if the node could not be asked now (unreachable, 5xx): worth asking again later
     */
    public Optional<List<URI>> ofAllmendeNode(URI node) throws IOException {
        JsonNode info;
        try {
            info = facts.nodeInfo(node);
        } catch (RemoteFetcher.NotServed e) {
            if (e.status() >= 400 && e.status() < 500) return Optional.empty();
            throw e;
        } catch (NodeFacts.NoNodeInfo | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty(); // no NodeInfo 2.x, one on another host, or no JSON at all
        }
        if (!NodeInfoService.SOFTWARE_NAME.equals(info.path("software").path("name").asText(""))) return Optional.empty();
        return Optional.of(municipalities(node, info));
    }

    private static List<URI> municipalities(URI node, JsonNode nodeInfo) {
        List<URI> found = new ArrayList<>();
        for (JsonNode m : Json.each(nodeInfo.path("metadata").get("municipalities"))) {
            // Only actors of that node: a node vouches for its own municipalities, not for others'.
            Json.uri(m.get("actor")).filter(a -> a.getRawAuthority().equalsIgnoreCase(node.getRawAuthority())).ifPresent(found::add);
        }
        return found;
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

    /**
     * Reads a subscribed municipality's actor document again (signed by the coordinator) and with it the facts the
     * directory shows: name, Land, population and the rest as the document now states them, its follower count and,
     * unless read within a day, its node's software.
     *
     * @return whether the follower count was read and kept (false: the collection is hidden)
     */
    boolean refreshFacts(URI municipality, long coordinatorId, URI coordinatorIri) throws IOException {
        JsonNode document = fetcher.fetchAs(municipality, coordinatorId, coordinatorIri, Limits.FETCH);
        AsToRemoteActor.convert(document).filter(a -> a.iri().equals(municipality)).ifPresent(a -> resolver.store(a, document));
        return facts.learnFrom(municipality, document, coordinatorId, coordinatorIri);
    }
}
