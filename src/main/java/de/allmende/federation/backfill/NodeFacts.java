package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.db.Database;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.json.Json;
import de.allmende.store.RemoteNodeFactsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a node's NodeInfo (the newest 2.x document its discovery names, on its own host) and keeps what a coordinator
 * learns on the way for the directory: the node's software and a municipality's follower count. Learning is a side
 * matter: a node that hides its followers or its NodeInfo is still subscribed to, its facts just stay unknown.
 */
final class NodeFacts {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFacts.class);
    private static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.";
    /** A node's software is read again after a day (an upgrade shows the next day). */
    private static final long SOFTWARE_MAX_AGE_SECONDS = 86_400;

    private final Database db;
    private final SafeHttpClient http;
    private final RemoteFetcher fetcher;
    private final RemoteNodeFactsStore store = new RemoteNodeFactsStore();

    NodeFacts(Database db, SafeHttpClient http, RemoteFetcher fetcher) {
        this.db = db;
        this.http = http;
        this.fetcher = fetcher;
    }

    /** The node's NodeInfo document; its software is kept on the way. */
    JsonNode nodeInfo(URI node) throws IOException {
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
        if (document == null) throw new NoNodeInfo(node + " publishes no NodeInfo 2.x");
        if (!document.getRawAuthority().equalsIgnoreCase(node.getRawAuthority())) {
            throw new NoNodeInfo(node + " names NodeInfo on another host: " + document);
        }
        JsonNode info = getJson(document);
        keepSoftware(node.getRawAuthority(), info);
        return info;
    }

    /** A node without a usable NodeInfo (not a failure to reach it). */
    static final class NoNodeInfo extends IOException {
        NoNodeInfo(String message) {
            super(message);
        }
    }

    /**
     * Learns what a municipality's actor document leads to: its follower count ({@code totalItems} of its followers
     * collection, fetched signed as the actor was) and, unless read within a day, its node's software.
     *
     * @return whether the follower count was read and kept
     */
    boolean learnFrom(URI municipality, JsonNode actor, long coordinatorId, URI coordinatorIri) {
        boolean followersKept = Json.uri(actor.get("followers"))
                .filter(f -> f.getRawAuthority().equalsIgnoreCase(municipality.getRawAuthority()))
                .map(f -> keepFollowers(municipality, f, coordinatorId, coordinatorIri)).orElse(false);
        String host = municipality.getRawAuthority();
        if (store.knowsSoftware(db.dsl(), host, SOFTWARE_MAX_AGE_SECONDS)) return followersKept;
        try {
            nodeInfo(URI.create(municipality.getScheme() + "://" + host));
        } catch (IOException | RuntimeException e) {
            LOG.debug("NodeInfo of {} not read: {}", host, e.toString());
        }
        return followersKept;
    }

    private boolean keepFollowers(URI municipality, URI followers, long coordinatorId, URI coordinatorIri) {
        try {
            JsonNode total = fetcher.fetchAs(followers, coordinatorId, coordinatorIri, Limits.FETCH).path("totalItems");
            if (!total.canConvertToLong() || total.asLong() < 0) return false;
            db.dsl().transaction(cfg -> store.followers(cfg.dsl(), municipality, total.asLong()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("followers of {} not read: {}", municipality, e.toString());
            return false;
        }
    }

    private void keepSoftware(String host, JsonNode info) {
        JsonNode software = info.path("software");
        Optional<String> name = Json.text(software.get("name")).map(String::strip).filter(n -> !n.isEmpty() && n.length() <= 100);
        Optional<String> version = Json.text(software.get("version")).map(String::strip).filter(v -> !v.isEmpty() && v.length() <= 100);
        name.ifPresent(n -> db.dsl().transaction(cfg -> store.software(cfg.dsl(), host, n, version)));
    }

    private JsonNode getJson(URI uri) throws IOException {
        var r = http.get(uri, Limits.FETCH, Map.of("Accept", "application/json"), hop -> Map.of());
        if (!r.ok()) throw new RemoteFetcher.NotServed(uri, r.status());
        JsonNode doc = Json.MAPPER.readTree(r.body());
        if (doc == null || !doc.isObject()) throw new IOException("GET " + uri + " returned no JSON object");
        return doc;
    }
}
