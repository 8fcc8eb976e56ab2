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
    /** Active key per actor, re-read every few seconds so a rotation (maybe by another process) takes effect. */
    private final ConcurrentHashMap<Long, TimedKey> activeKeys = new ConcurrentHashMap<>();
    private static final long KEY_TTL_NANOS = 5_000_000_000L;

    private record TimedKey(StoredKey key, long readAt) {}

    public RequestSigner(KeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Headers for a signed POST of {@code body} to {@code target}. */
    public Map<String, String> signPost(long actorId, URI actorIri, URI target, byte[] body, String contentType) {
        return sign(actorId, actorIri, new SignedRequestParts("POST", target, Map.of("Content-Type", List.of(contentType)), body));
    }

    /** Headers for an RFC 9421 signed POST, for peers that ask for it with {@code Accept-Signature}. */
    public Map<String, String> signPostRfc9421(long actorId, URI actorIri, URI target, byte[] body, String contentType) {
        StoredKey key = keys.activeKey(actorId, KeyPurpose.HTTP_SIGNATURE);
        PublicKeySign signer = signers.computeIfAbsent(key.id(), id -> keys.signer(key));
        try {
            return de.allmende.federation.signature.Rfc9421Signer.sign(
                    new SignedRequestParts("POST", target, Map.of("Content-Type", List.of(contentType)), body),
                    actorIri + "#" + key.fragment(), de.allmende.federation.signature.SignatureAlgorithm.RSA_V1_5_SHA256,
                    signer, clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Headers for a signed GET (authorized fetch), covering Accept. */
    public Map<String, String> signGet(long actorId, URI actorIri, URI target, String accept) {
        return sign(actorId, actorIri, SignedRequestParts.withoutBody("GET", target, Map.of("Accept", List.of(accept))));
    }

    private Map<String, String> sign(long actorId, URI actorIri, SignedRequestParts parts) {
        long now = System.nanoTime();
        TimedKey timed = activeKeys.get(actorId);
        if (timed == null || now - timed.readAt() > KEY_TTL_NANOS) {
            timed = new TimedKey(keys.activeKey(actorId, KeyPurpose.HTTP_SIGNATURE), now);
            activeKeys.put(actorId, timed);
        }
        StoredKey key = timed.key();
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
