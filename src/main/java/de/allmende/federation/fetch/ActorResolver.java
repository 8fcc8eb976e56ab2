package de.allmende.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.allmende.db.Database;
import de.allmende.domain.RemoteActor;
import de.allmende.federation.http.Limits;
import de.allmende.federation.http.SafeHttpClient;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.proof.AssertionKeys;
import de.allmende.federation.signature.KeyResolver;
import de.allmende.store.RemoteActorStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Remote actors and their keys: cached in PostgreSQL, fetched when unknown or stale. Keys that HTTP
 * signatures name are {@link SignerKeys}' business (ownership, fetch limits, nothing written before a
 * signature verified); proof keys are read from their owner's document here. A key only counts for
 * the actor whose document lists it and whose IRI it is under.
 */
public final class ActorResolver implements KeyResolver, AssertionKeys {
    private static final Duration STALE = Duration.ofDays(1);
    /** How soon a document may be fetched again because a proof names a key it does not list. */
    private static final Duration REFETCH_FOR_MISSING_KEY = Duration.ofMinutes(1);

    private final Database db;
    private final RemoteActorStore store;
    private final RemoteFetcher fetcher;
    private final SafeHttpClient http;
    private final Clock clock;
    private final boolean allowPlainHttp;
    private final LocalKeys local;
    private final SignerKeys signerKeys;

    /** Proof keys (FEP-521a assertionMethod, Ed25519 only), raw, by owner and key id; emptied when the owner's document changes. */
    private final Cache<AssertionKeyId, byte[]> assertionKeys = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Keyed by owner too: an actor listing someone else's key id must not hide the real owner's key. */
    private record AssertionKeyId(URI owner, String keyId) {}

    public ActorResolver(Database db, RemoteActorStore store, RemoteFetcher fetcher, SafeHttpClient http, Clock clock,
                         boolean allowPlainHttp, LocalKeys local) {
        this.db = db;
        this.store = store;
        this.fetcher = fetcher;
        this.http = http;
        this.clock = clock;
        this.allowPlainHttp = allowPlainHttp;
        this.local = local;
        this.signerKeys = new SignerKeys(db, store, fetcher, local, this::store, KeyFetchGate.Limits.DEFAULT);
    }

    /** The keys HTTP signatures name, with their owners. */
    public SignerKeys signerKeys() {
        return signerKeys;
    }

    /** The actor, from cache when fresh, else fetched and stored. */
    public RemoteActor resolve(URI iri) throws IOException {
        var cached = store.find(db.dsl(), iri);
        if (cached.isPresent() && cached.get().fetched().plus(STALE).isAfter(clock.instant())) return cached.get().actor();
        return refresh(iri);
    }

    /**
     * The actor as stored, however long ago its document was fetched (as when its signature was checked), else
     * resolved: what it did counts even while its server is away.
     */
    public RemoteActor known(URI iri) throws IOException {
        var stored = store.find(db.dsl(), iri);
        return stored.isPresent() ? stored.get().actor() : resolve(iri);
    }

    public RemoteActor refresh(URI iri) throws IOException {
        JsonNode doc = fetcher.fetch(iri);
        RemoteActor actor = AsToRemoteActor.convert(doc).orElseThrow(() -> new IOException(iri + " is not an actor"));
        store(actor, doc);
        return actor;
    }

    /** Stores an actor document received inline (e.g. Update(Person)); the caller checked it came from its owner. */
    public void store(RemoteActor actor, JsonNode doc) {
        db.dsl().transaction(cfg -> store.upsert(cfg.dsl(), actor, doc));
        forget(actor.iri());
    }

    /** Drops the keys of {@code actor} held in memory: its document changed, or it was deleted. */
    public void forget(URI actor) {
        signerKeys.forget(actor);
        assertionKeys.asMap().keySet().removeIf(k -> k.owner().equals(actor));
    }

    /**
     * Looks in {@code owner}'s stored actor document, fetching it when unknown, or when the key is not
     * listed and the document is older than a minute (the actor may have added the key since; the limit
     * keeps proofs naming made-up keys from making us fetch again and again).
     */
    @Override
    public Optional<byte[]> find(String keyId, URI owner) {
        if (local.isLocal(owner)) return local.ed25519(keyId, owner); // our own actors: from our database, never fetched
        byte[] hot = assertionKeys.getIfPresent(new AssertionKeyId(owner, keyId));
        if (hot != null) return Optional.of(hot);
        try {
            var cached = store.findDocument(db.dsl(), owner);
            Optional<byte[]> listed = cached.flatMap(d -> assertionKeyIn(d.raw(), keyId, owner));
            if (listed.isPresent()) return listed;
            if (cached.isPresent() && cached.get().fetched().plus(REFETCH_FOR_MISSING_KEY).isAfter(clock.instant())) return Optional.empty();
            refresh(owner);
            return store.findDocument(db.dsl(), owner).flatMap(d -> assertionKeyIn(d.raw(), keyId, owner));
        } catch (org.jooq.exception.DataAccessException e) {
            throw e; // our database, not the remote key
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> assertionKeyIn(JsonNode actorDocument, String keyId, URI owner) {
        return AsToRemoteActor.assertionKeys(actorDocument, owner).stream()
                .filter(k -> k.keyId().equals(keyId) && k.algorithm().equals("ed25519"))
                .findFirst()
                .map(k -> {
                    // The SPKI of an Ed25519 key ends with the 32 raw bytes.
                    byte[] raw = java.util.Arrays.copyOfRange(k.spki(), k.spki().length - 32, k.spki().length);
                    assertionKeys.put(new AssertionKeyId(owner, keyId), raw);
                    return raw;
                });
    }

    @Override
    public Optional<PublicKey> resolve(String keyId, Freshness freshness) {
        return signerKeys.resolve(keyId, freshness);
    }

    /** The owner (actor IRI) of a key known in the cache. */
    public Optional<URI> ownerOf(String keyId) {
        return signerKeys.ownerOf(keyId);
    }

    /** WebFinger: acct:user@host (or user@host) → actor IRI. */
    public URI webfinger(String handle) throws IOException {
        String acct = handle.startsWith("acct:") ? handle.substring(5) : handle.startsWith("@") ? handle.substring(1) : handle;
        int at = acct.lastIndexOf('@');
        if (at <= 0) throw new IOException("not a handle: " + handle);
        String host = acct.substring(at + 1);
        String scheme = allowPlainHttp && isLoopback(host) ? "http" : "https";
        URI uri = URI.create(scheme + "://" + host + "/.well-known/webfinger?resource="
                + URLEncoder.encode("acct:" + acct, StandardCharsets.UTF_8));
        var r = http.get(uri, Limits.FETCH, Map.of("Accept", "application/jrd+json, application/json"), u -> Map.of());
        if (!r.ok()) throw new IOException("WebFinger for " + acct + " answered " + r.status());
        JsonNode jrd = Json.MAPPER.readTree(r.body());
        for (JsonNode link : Json.each(jrd.get("links"))) {
            String type = link.path("type").asText("");
            if ("self".equals(link.path("rel").asText()) && (type.contains("activity+json") || type.contains("ld+json"))) {
                return Json.uri(link.get("href")).orElseThrow(() -> new IOException("bad self link"));
            }
        }
        throw new IOException("WebFinger for " + acct + " has no ActivityPub self link");
    }

    private static boolean isLoopback(String authority) {
        String host = authority.contains(":") && !authority.startsWith("[") ? authority.substring(0, authority.indexOf(':')) : authority;
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
