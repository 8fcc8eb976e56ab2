package de.allmende.federation.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.http.Limits;
import de.allmende.federation.json.Json;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The servers a municipality's follow graph names: the hosts of the actors in its {@code followers} and
 * {@code following} collections (paged or not), each page fetched signed by the coordinator at the host's pace. A
 * server that hides its collections (Mastodon's "hide network") names nobody; that is no error.
 */
final class FollowGraph {
    /** 50 pages of 20 are a thousand actors per collection: enough to find the servers of a network. */
    private static final int MAX_PAGES = 50;

    private final RemoteFetcher fetcher;
    private final HostPace pace;

    FollowGraph(RemoteFetcher fetcher, HostPace pace) {
        this.fetcher = fetcher;
        this.pace = pace;
    }

    /** The servers ({@code scheme://authority}) of the actors the municipality follows and is followed by. */
    Set<URI> servers(URI municipality, long coordinatorId, URI coordinatorIri) throws IOException {
        JsonNode actor = fetch(municipality, coordinatorId, coordinatorIri);
        Set<URI> servers = new LinkedHashSet<>();
        for (String collection : new String[] {"followers", "following"}) {
            Optional<URI> iri = Json.uri(actor.get(collection)).filter(c -> sameHost(c, municipality));
            if (iri.isEmpty()) continue;
            try {
                read(iri.get(), municipality, coordinatorId, coordinatorIri, servers);
            } catch (RemoteFetcher.NotServed e) {
                if (e.status() >= 500) throw e; // trouble there: asked again later
                // not shown to us (401, 403, 404): nothing to learn there
            }
        }
        return servers;
    }

    private void read(URI collection, URI municipality, long coordinatorId, URI coordinatorIri, Set<URI> servers) throws IOException {
        JsonNode doc = fetch(collection, coordinatorId, coordinatorIri);
        collect(doc, servers); // a collection that lists its items itself
        JsonNode first = doc.get("first");
        Optional<URI> page;
        if (first != null && first.isObject() && (first.has("orderedItems") || first.has("items"))) {
            collect(first, servers); // the first page embedded
            page = Json.uri(first.get("next"));
        } else {
            page = Json.uri(first);
        }
        for (int pages = 0; page.isPresent() && sameHost(page.get(), municipality) && pages < MAX_PAGES; pages++) {
            URI current = page.get();
            JsonNode p = fetch(current, coordinatorId, coordinatorIri);
            collect(p, servers);
            page = Json.uri(p.get("next")).filter(n -> !n.equals(current));
        }
    }

    private static void collect(JsonNode page, Set<URI> servers) {
        for (JsonNode item : Json.each(page.has("orderedItems") ? page.get("orderedItems") : page.get("items"))) {
            Json.uri(item).map(FollowGraph::server).ifPresent(servers::add);
        }
    }

    static URI server(URI actor) {
        return URI.create(actor.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + actor.getRawAuthority());
    }

    private JsonNode fetch(URI uri, long coordinatorId, URI coordinatorIri) throws IOException {
        pace.beforeFetch(uri.getRawAuthority());
        return fetcher.fetchAs(uri, coordinatorId, coordinatorIri, Limits.FETCH);
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getRawAuthority() != null && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }
}
