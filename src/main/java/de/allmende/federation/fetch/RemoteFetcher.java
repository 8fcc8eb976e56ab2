package de.allmende.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.domain.LocalActor;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.RequestSigner;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.Json;
import de.allmende.federation.json.StrictJson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Signed GET of remote ActivityStreams documents as the instance actor, so it also works against
 * servers in authorized-fetch mode. The fetched document's id must be the URL it was finally served at
 * (after redirects) — otherwise anyone could serve anyone's actor.
 */
public final class RemoteFetcher {
    public static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private final SafeHttpClient http;
    private final RequestSigner signer;
    private final Iris iris;
    private final Supplier<LocalActor> instanceActor;

    public RemoteFetcher(SafeHttpClient http, RequestSigner signer, Iris iris, Supplier<LocalActor> instanceActor) {
        this.http = http;
        this.signer = signer;
        this.iris = iris;
        this.instanceActor = instanceActor;
    }

    /** A document as served: the URL it finally came from (after redirects) and what it says, its id unchecked. */
    public record Served(URI url, JsonNode doc) {
        /** True if this is {@code iri}'s own document: served at that URL and giving it as its id. */
        public boolean isDocumentOf(URI iri) {
            return withoutFragment(url).equals(withoutFragment(iri)) && Json.uri(doc.get("id")).map(iri::equals).orElse(false);
        }
    }

    /** The server answered, but not with the document (404, 410, 403 …). */
    public static final class NotServed extends IOException {
        private final int status;

        public NotServed(URI target, int status) {
            super("GET " + target + " answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 404 or 410: the server says there is no such document (any more). */
        public boolean gone() {
            return status == 404 || status == 410;
        }
    }

    /** Fetches and parses a document; the fragment is dropped. Throws IOException on any failure. */
    public JsonNode fetch(URI iri) throws IOException {
        return checked(fetchServed(iri));
    }

    /**
     * Fetches a document with a GET signed by a local actor other than the instance actor (a coordinator reading
     * the outboxes it subscribed to), within {@code limits}; its id is checked as {@link #fetch} does.
     */
    public JsonNode fetchAs(URI iri, long actorId, URI actorIri, Limits limits) throws IOException {
        return checked(fetchServed(iri, limits, hop -> signer.signGet(actorId, actorIri, hop, ACCEPT)));
    }

    private static JsonNode checked(Served s) throws IOException {
        URI id = Json.uri(s.doc().get("id")).orElseThrow(() -> new IOException("document at " + s.url() + " has no id"));
        if (!withoutFragment(id).equals(withoutFragment(s.url()))) {
            throw new IOException("document at " + s.url() + " claims id " + id);
        }
        return s.doc();
    }

    /**
     * Fetches and parses a document without checking its id: for a claim that a document fetched with
     * {@link #fetch} must confirm (GoToSocial serves a key at {@code …/main-key} in a stub with the actor's id).
     */
    public Served fetchServed(URI iri) throws IOException {
        long instanceId = instanceActor.get().id();
        return fetchServed(iri, Limits.FETCH, hop -> signer.signGet(instanceId, iris.instanceActor(), hop, ACCEPT));
    }

    private Served fetchServed(URI iri, Limits limits, java.util.function.Function<URI, Map<String, String>> sign) throws IOException {
        URI target = withoutFragment(iri);
        SafeHttpClient.Response r = http.get(target, limits, Map.of("Accept", ACCEPT), sign);
        if (!r.ok()) throw new NotServed(target, r.status());
        JsonNode doc;
        try {
            doc = StrictJson.read(r.body());
        } catch (StrictJson.Malformed e) {
            throw new IOException("GET " + target + " returned no strict JSON: " + e.getMessage());
        }
        if (doc == null || !doc.isObject()) throw new IOException("GET " + target + " returned no JSON object");
        return new Served(r.uri(), doc);
    }

    /**
     * The IRI without its fragment. Java accepts {@code https://#x} (an empty authority followed by
     * something) but not {@code https://}: such an IRI keeps an empty fragment instead of throwing.
     */
    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) return uri;
        String text = uri.toString();
        int hash = text.indexOf('#');
        try {
            return new URI(text.substring(0, hash));
        } catch (URISyntaxException e) {
            return URI.create(text.substring(0, hash + 1));
        }
    }
}
