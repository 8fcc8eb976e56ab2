package de.allmende.federation.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.allmende.crypto.Pem;
import de.allmende.db.Database;
import de.allmende.domain.RemoteActor;
import de.allmende.domain.RemoteActor.RemoteKey;
import de.allmende.federation.iri.KeyOwnership;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.federation.json.Json;
import de.allmende.federation.signature.KeyResolver;
import de.allmende.federation.signature.PendingVerification;
import de.allmende.federation.signature.VerificationResult;
import de.allmende.store.RemoteActorStore;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The keys that HTTP signatures name, each with the actor that owns it (issue 8, findings 3, 7, 10).
 *
 * <p>A key counts for an actor only if it is under the actor's IRI ({@link KeyOwnership}) and the
 * actor's own document lists it; for a key served on its own (GoToSocial's {@code …/main-key}) the
 * owner that document names is fetched and must list it back. The signer is that owner, never an
 * actor named by some other document.
 *
 * <p>Keys are looked up in memory, then in PostgreSQL; keys of our own host come from our database
 * ({@link LocalKeys}). Only then is the key fetched, through a {@link KeyFetchGate}. A fetched key and
 * its actor document stay in memory until a request signed with it is accepted: a refused request
 * (401, or 403 with a signature that verified) writes no rows.
 */
public final class SignerKeys implements KeyResolver {
    /**
     * The verification, the key's owner when it verified, and {@code keep}: stores the owner's document
     * if it was fetched for this request. Run it only once the request is accepted — a signature can
     * verify on an activity that is refused (its signer is not its actor), and a refused request writes
     * no rows (issue 8, finding 10). Until then the document stays in memory, as for a failed signature.
     */
    public record Checked(VerificationResult result, Optional<URI> signer, Runnable keep) {
        Checked(VerificationResult result, Optional<URI> signer) {
            this(result, signer, () -> {});
        }
    }

    /** A key and its owner; {@code unsaved}: the actor document it came from, not yet in the database. */
    private record Known(PublicKey key, URI owner, Optional<ActorDocument> unsaved) {}

    /** {@code size}: characters of its JSON, to bound what is held in memory. */
    private record ActorDocument(RemoteActor actor, JsonNode json, int size) {}

    private static final int MAX_KEYS = 10_000;
    /** Bounds the documents held for signatures that have not verified: an attacker chooses how many and how large. */
    private static final long MAX_UNSAVED_CHARS = 4L * 1024 * 1024;
    private static final Duration UNSAVED_FOR = Duration.ofMinutes(10);

    private final Database db;
    private final RemoteActorStore store;
    private final RemoteFetcher fetcher;
    private final LocalKeys local;
    private final BiConsumer<RemoteActor, JsonNode> save;
    private final KeyFetchGate<Known> gate;
    private final Cache<String, Known> saved = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();
    private final Cache<String, Known> unsaved = Caffeine.newBuilder().maximumWeight(MAX_UNSAVED_CHARS)
            .weigher((String keyId, Known k) -> k.unsaved().map(ActorDocument::size).orElse(0))
            .expireAfterWrite(UNSAVED_FOR).build();
    /**
     * Key ids the database did not have a moment ago. Strangers naming unknown keys (forged or not) would otherwise
     * cost a database lookup each, and a flood of them would queue a known peer's requests behind theirs for the
     * pool's few connections. Safe to be wrong: a key another process stored meanwhile is fetched once more.
     */
    private final Cache<String, Boolean> notStored = Caffeine.newBuilder().maximumSize(MAX_KEYS)
            .expireAfterWrite(Duration.ofSeconds(30)).build();
    /** Database lookups of keys not in memory at once, so they cannot fill the pool; a request waits at most 250 ms for one. */
    private final java.util.concurrent.Semaphore lookups = new java.util.concurrent.Semaphore(4);
    /** Requests naming the same key at once share its database lookup (and its answer, or its 429). */
    private final SharedLookups<Optional<Known>> sharedLookups = new SharedLookups<>();

    /** @param save stores a remote actor document (with its keys) once a signature by one of its keys verified */
    SignerKeys(Database db, RemoteActorStore store, RemoteFetcher fetcher, LocalKeys local, BiConsumer<RemoteActor, JsonNode> save,
               KeyFetchGate.Limits limits) {
        this.db = db;
        this.store = store;
        this.fetcher = fetcher;
        this.local = local;
        this.save = save;
        this.gate = new KeyFetchGate<>(limits);
    }

    /**
     * Checks the signature with its key. A cached key that fails is refetched once (throttled), as the
     * actor may have rotated it. Throws a 429 {@link de.allmende.support.ApiException} if our limit on
     * fetches from the key's host refused the fetch.
     */
    public Checked check(PendingVerification pending) {
        String keyId = pending.keyId();
        Optional<URI> url = KeyOwnership.parse(keyId);
        if (url.isEmpty()) return new Checked(pending.unknownKey(), Optional.empty());
        if (local.isLocal(url.get())) {
            return local.find(url.get()).map(k -> verify(pending, new Known(k.key(), k.owner(), Optional.empty())))
                    .orElseGet(() -> new Checked(pending.unknownKey(), Optional.empty()));
        }
        String host = url.get().getRawAuthority();
        Optional<Known> known = known(keyId);
        if (known.isEmpty()) {
            return gate.fetchUnknown(keyId, host, () -> fetch(keyId)).map(k -> verify(pending, k))
                    .orElseGet(() -> new Checked(pending.unknownKey(), Optional.empty()));
        }
        Checked first = verify(pending, known.get());
        if (first.signer().isPresent()) return first;
        Optional<Known> fresh = gate.refetch(keyId, host, () -> fetch(keyId));
        if (fresh.isEmpty() || fresh.get().key().equals(known.get().key())) return first;
        return verify(pending, fresh.get());
    }

    /** For verifiers that take a {@link KeyResolver}: the same lookups and limits, without an owner. */
    @Override
    public Optional<PublicKey> resolve(String keyId, Freshness freshness) {
        Optional<URI> url = KeyOwnership.parse(keyId);
        if (url.isEmpty()) return Optional.empty();
        if (local.isLocal(url.get())) return local.find(url.get()).map(LocalKeys.LocalKey::key);
        String host = url.get().getRawAuthority();
        Optional<Known> found = freshness == Freshness.CACHED
                ? known(keyId).or(() -> gate.fetchUnknown(keyId, host, () -> fetch(keyId)))
                : gate.refetch(keyId, host, () -> fetch(keyId));
        return found.map(Known::key);
    }

    /** The owner of a key we know (without fetching). */
    public Optional<URI> ownerOf(String keyId) {
        Optional<URI> url = KeyOwnership.parse(keyId);
        if (url.isPresent() && local.isLocal(url.get())) return local.find(url.get()).map(LocalKeys.LocalKey::owner);
        return known(keyId).map(Known::owner);
    }

    /** Drops what is cached for {@code owner}'s keys: its document changed. */
    void forget(URI owner) {
        saved.asMap().values().removeIf(k -> k.owner().equals(owner));
        unsaved.asMap().values().removeIf(k -> k.owner().equals(owner));
    }

    private Checked verify(PendingVerification pending, Known key) {
        VerificationResult result = pending.verifyWith(key.key());
        if (!result.isVerified()) return new Checked(result, Optional.empty());
        Runnable keep = key.unsaved().<Runnable>map(doc -> () -> {
            // Verified and accepted: now the document may be cached in the database, as the signer's actor.
            save.accept(doc.actor(), doc.json());
            unsaved.invalidate(pending.keyId());
            notStored.invalidate(pending.keyId());
            saved.put(pending.keyId(), new Known(key.key(), key.owner(), Optional.empty()));
        }).orElse(() -> {});
        return new Checked(result, Optional.of(key.owner()), keep);
    }

    private Optional<Known> known(String keyId) {
        Known k = saved.getIfPresent(keyId);
        if (k == null) k = unsaved.getIfPresent(keyId);
        if (k != null) return Optional.of(k);
        if (notStored.getIfPresent(keyId) != null) return Optional.empty();
        return sharedLookups.get(keyId, () -> lookUp(keyId));
    }

    private Optional<Known> lookUp(String keyId) {
        if (!acquireLookup()) {
            throw de.allmende.support.ApiException.tooManyRequests("signature: too many unknown keys at once, try again shortly",
                    Duration.ofSeconds(5));
        }
        Optional<Known> stored;
        try {
            stored = store.findKey(db.dsl(), keyId)
                    .filter(row -> KeyOwnership.isUnder(row.owner(), keyId))
                    .flatMap(row -> decode(row).map(key -> new Known(key, row.owner(), Optional.empty())));
        } finally {
            lookups.release();
        }
        if (stored.isPresent()) saved.put(keyId, stored.get());
        else notStored.put(keyId, Boolean.TRUE);
        return stored;
    }

    private boolean acquireLookup() {
        try {
            return lookups.tryAcquire(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fetches the key and its owner's document; empty if they do not agree or cannot be had. */
    private Optional<Known> fetch(String keyId) {
        try {
            Known found = fetchOwned(keyId);
            saved.invalidate(keyId);
            unsaved.put(keyId, found);
            return Optional.of(found);
        } catch (org.jooq.exception.DataAccessException e) {
            throw e; // our database (signing the fetch as the instance actor): the sender must retry, not get a 401
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Known fetchOwned(String keyId) throws IOException, GeneralSecurityException {
        RemoteFetcher.Served served = fetcher.fetchServed(URI.create(keyId));
        URI owner = claimedOwner(served.doc(), keyId).orElseThrow(() -> new IOException("key document names no owner"));
        if (!KeyOwnership.isUnder(owner, keyId)) throw new IOException("key is not under the actor it names");
        JsonNode actorDocument = served.isDocumentOf(owner) ? served.doc() : fetcher.fetch(owner);
        RemoteActor actor = AsToRemoteActor.convert(actorDocument).filter(a -> a.iri().equals(owner))
                .orElseThrow(() -> new IOException("key owner is not an actor"));
        RemoteKey listed = actor.keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new IOException("key owner does not list the key"));
        ActorDocument document = new ActorDocument(actor, actorDocument, actorDocument.toString().length());
        return new Known(Pem.decodeSpki(listed.spki()), owner, Optional.of(document));
    }

    /**
     * Whom the key's own document says it belongs to: the actor itself (a fragment key), or the
     * {@code owner}/{@code controller} of a key document, or of the key in an actor stub (GoToSocial).
     * Only a claim: the owner's document must still list the key.
     */
    private static Optional<URI> claimedOwner(JsonNode doc, String keyId) {
        Optional<RemoteActor> actor = AsToRemoteActor.convert(doc);
        if (actor.isPresent()) return Optional.of(actor.get().iri());
        Optional<URI> direct = Json.uri(doc.get("owner")).or(() -> Json.uri(doc.get("controller")));
        if (direct.isPresent()) return direct;
        for (JsonNode k : Json.each(doc.get("publicKey"))) {
            if (keyId.equals(k.path("id").asText())) return Json.uri(k.get("owner"));
        }
        return Optional.empty();
    }

    private static Optional<PublicKey> decode(RemoteKey k) {
        try {
            return Optional.of(Pem.decodeSpki(k.spki()));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
