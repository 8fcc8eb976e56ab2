package de.allmende.federation.fetch;

import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.Pem;
import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.iri.KeyOwnership;
import de.allmende.federation.json.AsToRemoteActor;
import de.allmende.service.ActorService;
import de.allmende.service.KeyService;
import de.allmende.store.StoredKey;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Public keys of this node's own actors, read from our database. A key id on our own host is never
 * fetched over HTTP nor cached as a remote actor's (issue 8, finding 10): we know our keys.
 */
public final class LocalKeys {
    /** A published key of a local actor and the actor's IRI. */
    public record LocalKey(PublicKey key, URI owner, KeyAlgorithm algorithm, byte[] stored) {}

    private final Iris iris;
    private final ActorService actors;
    private final KeyService keys;

    public LocalKeys(Iris iris, ActorService actors, KeyService keys) {
        this.iris = iris;
        this.actors = actors;
        this.keys = keys;
    }

    public boolean isLocal(URI iri) {
        return iris.isLocal(iri);
    }

    /** The key {@code keyId} names ({@code <actor>#<fragment>}), if it is one a local actor publishes now. */
    public Optional<LocalKey> find(URI keyId) {
        if (!iris.isLocal(keyId) || keyId.getRawFragment() == null) return Optional.empty();
        URI owner = URI.create(KeyOwnership.withoutFragment(keyId.toString()));
        return actor(owner).flatMap(a -> keys.publishedKeys(a.id()).stream()
                .filter(k -> k.fragment().equals(keyId.getFragment()))
                .findFirst()
                .flatMap(k -> decode(k, owner)));
    }

    /** The raw Ed25519 key of a local actor's FEP-521a assertion key, for proofs. */
    public Optional<byte[]> ed25519(String keyId, URI owner) {
        return KeyOwnership.parse(keyId).flatMap(this::find)
                .filter(k -> k.owner().equals(owner) && k.algorithm() == KeyAlgorithm.ED25519)
                .map(LocalKey::stored);
    }

    private Optional<LocalActor> actor(URI iri) {
        if (iris.isInstanceActor(iri)) return Optional.of(actors.instanceActor());
        if (iris.isRelayActor(iri)) return actors.relayActor();
        return iris.parseActor(iri).filter(handle -> iris.actor(handle).equals(iri)).flatMap(actors::findMunicipality);
    }

    private static Optional<LocalKey> decode(StoredKey k, URI owner) {
        try {
            // RSA keys are stored as SPKI, Ed25519 keys raw.
            byte[] spki = k.algorithm() == KeyAlgorithm.ED25519 ? AsToRemoteActor.ed25519Spki(k.publicKey()) : k.publicKey();
            return Optional.of(new LocalKey(Pem.decodeSpki(spki), owner, k.algorithm(), k.publicKey()));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
