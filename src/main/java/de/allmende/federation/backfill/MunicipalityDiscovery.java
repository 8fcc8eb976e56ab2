package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
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
import java.util.Map;
import java.util.Optional;

/**
 * Finds municipalities for a coordinator: by handle (WebFinger), by node (the {@code metadata.municipalities} list
 * of an Allmende node's NodeInfo, the newest 2.x document its discovery names), and their outboxes (the actor
 * document, fetched signed by the coordinator, as nodes in authorized-fetch mode require).
 */
public final class MunicipalityDiscovery implements Municipalities {
    private static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.";

    private final ActorResolver resolver;
    private final RemoteFetcher fetcher;
    private final SafeHttpClient http;

    public MunicipalityDiscovery(ActorResolver resolver, RemoteFetcher fetcher, SafeHttpClient http) {
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.http = http;
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
            return municipalities(node, nodeInfo(node));
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
            info = nodeInfo(node);
        } catch (Refused e) {
            if (e.status >= 400 && e.status < 500) return Optional.empty();
            throw e;
        } catch (ApiException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty(); // no NodeInfo 2.x, one on another host, or no JSON at all
        }
        if (!NodeInfoService.SOFTWARE_NAME.equals(info.path("software").path("name").asText(""))) return Optional.empty();
        return Optional.of(municipalities(node, info));
    }

    /** The newest NodeInfo 2.x document the node's discovery names. */
    private JsonNode nodeInfo(URI node) throws IOException {
        JsonNode discovery = getJson(node.resolve("/.well-known/nodeinfo"));
        URI document = null;
        String best = "";
        for (JsonNode link : Json.each(discovery.get("links"))) {
            String rel = link.path("rel").asText("");
            if (rel.startsWith(NODEINFO_SCHEMA) && rel.compareTo(best) > 0 && Json.uri(link.get("href")).isPresent()) {
                best = rel;
                document = Json.uri(link.get("href")).get();
            }
        }
        if (document == null) throw ApiException.unprocessable(node + " publishes no NodeInfo 2.x");
        if (!document.getRawAuthority().equalsIgnoreCase(node.getRawAuthority())) {
            throw ApiException.unprocessable(node + " names NodeInfo on another host: " + document);
        }
        return getJson(document);
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
            return outbox;
        } catch (IOException e) {
            throw ApiException.ofField(502, "cannot fetch " + municipality + ": " + e.getMessage(), "municipality", e.getMessage());
        }
    }

    private JsonNode getJson(URI uri) throws IOException {
        var r = http.get(uri, Limits.FETCH, Map.of("Accept", "application/json"), hop -> Map.of());
        if (!r.ok()) throw new Refused(uri, r.status());
        JsonNode doc = Json.MAPPER.readTree(r.body());
        if (doc == null || !doc.isObject()) throw new IOException("GET " + uri + " returned no JSON object");
        return doc;
    }

    /** A request answered with an error status. */
    private static final class Refused extends IOException {
        final int status;

        Refused(URI uri, int status) {
            super("GET " + uri + " answered " + status);
            this.status = status;
        }
    }
}
