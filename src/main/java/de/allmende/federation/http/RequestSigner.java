package de.allmende.federation.http;

import com.google.crypto.tink.PublicKeySign;
import de.allmende.crypto.KeyPurpose;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.signature.CavageSigner;
import de.allmende.federation.signature.SignedRequestParts;
import de.allmende.service.KeyService;
import de.allmende.store.StoredKey;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs outgoing requests (draft-cavage, rsa-sha256) with a local actor's active RSA key, at send
 * time so the Date is fresh. Decrypted signers are cached per key row; a rotation makes a new row.
 */
public final class RequestSigner {
    private final KeyService keys;
    private final Clock clock;
    private final ConcurrentHashMap<Long, PublicKeySign> signers = new ConcurrentHashMap<>();

    public RequestSigner(KeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Headers for a signed POST of {@code body} to {@code target}. */
    public Map<String, String> signPost(long actorId, URI actorIri, URI target, byte[] body, String contentType) {
        return sign(actorId, actorIri, new SignedRequestParts("POST", target, Map.of("Content-Type", List.of(contentType)), body));
    }

    /** Headers for a signed GET (authorized fetch), covering Accept. */
    public Map<String, String> signGet(long actorId, URI actorIri, URI target, String accept) {
        return sign(actorId, actorIri, SignedRequestParts.withoutBody("GET", target, Map.of("Accept", List.of(accept))));
    }

    private Map<String, String> sign(long actorId, URI actorIri, SignedRequestParts parts) {
        StoredKey key = keys.activeKey(actorId, KeyPurpose.HTTP_SIGNATURE);
        PublicKeySign signer = signers.computeIfAbsent(key.id(), id -> keys.signer(key));
        try {
            return CavageSigner.sign(parts, actorIri + "#" + key.fragment(), signer, clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public static String keyIdOf(Iris iris, URI actorIri, StoredKey key) {
        return iris.key(actorIri, key.fragment()).toString();
    }
}
