package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.json.Json;
import de.allmende.service.port.Municipalities;
import de.allmende.support.ApiException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            List<URI> found = new ArrayList<>();
            for (JsonNode m : Json.each(getJson(document).path("metadata").get("municipalities"))) {
                // Only actors of that node: a node vouches for its own municipalities, not for others'.
                Json.uri(m.get("actor")).filter(a -> a.getRawAuthority().equalsIgnoreCase(node.getRawAuthority())).ifPresent(found::add);
            }
            return found;
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
            return outbox;
        } catch (IOException e) {
            throw ApiException.ofField(502, "cannot fetch " + municipality + ": " + e.getMessage(), "municipality", e.getMessage());
        }
    }

    private JsonNode getJson(URI uri) throws IOException {
        var r = http.get(uri, Limits.FETCH, Map.of("Accept", "application/json"), hop -> Map.of());
        if (!r.ok()) throw new IOException("GET " + uri + " answered " + r.status());
        JsonNode doc = Json.MAPPER.readTree(r.body());
        if (doc == null || !doc.isObject()) throw new IOException("GET " + uri + " returned no JSON object");
        return doc;
    }
}
