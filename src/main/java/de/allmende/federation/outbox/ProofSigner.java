package de.allmende.federation.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeySign;
import de.allmende.crypto.KeyPurpose;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.service.KeyService;
import de.allmende.store.StoredKey;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds an FEP-8b32 proof (eddsa-jcs-2022, the actor's active Ed25519 key from assertionMethod) to
 * what a local actor publishes, so the object stays verifiable after relaying and aggregation.
 */
public final class ProofSigner {
    private final KeyService keys;
    private final Iris iris;
    private final Clock clock;
    private final ConcurrentHashMap<Long, PublicKeySign> signers = new ConcurrentHashMap<>();

    public ProofSigner(KeyService keys, Iris iris, Clock clock) {
        this.keys = keys;
        this.iris = iris;
        this.clock = clock;
    }

    public ObjectNode sign(long actorId, URI actorIri, ObjectNode document) {
        StoredKey key = keys.activeKey(actorId, KeyPurpose.ASSERTION);
        PublicKeySign signer = signers.computeIfAbsent(key.id(), id -> keys.signer(key));
        return DataIntegrityProof.sign(document, iris.key(actorIri, key.fragment()).toString(), signer, clock.instant());
    }
}
