package de.allmende.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig2026;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/**
 * Ed25519 keys as Tink keysets, so private key bytes stay inside Tink.
 *
 * <p>Only the raw-output variant is used: Data Integrity proofs carry the bare 64-byte RFC 8032
 * signature, whereas Tink's default variant prepends a 5-byte key-id prefix. Primitives are
 * obtained through {@link SignatureConfig2026} rather than the global registry, so nothing here
 * depends on (or mutates) process-wide registration state.
 */
public final class Ed25519Keys {

    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519Keys() {}

    /** A fresh keyset with one raw-output Ed25519 key. */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(
                    PredefinedSignatureParameters.ED25519WithRawOutput, SignatureConfig2026.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 key generation failed", e);
        }
    }

    /**
     * A keyset holding the key derived from an RFC 8032 32-byte seed. Meant for published test
     * vectors and key import; new keys should come from {@link #generate()}.
     */
    public static KeysetHandle fromSeed(byte[] seed) {
        if (seed.length != Multikey.ED25519_KEY_LENGTH) {
            throw new KeyFormatException("Ed25519 private key must be 32 bytes");
        }
        try {
            // Tink wants the public half alongside and checks that it matches the seed.
            byte[] rawPublic = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
            Ed25519PrivateKey key = Ed25519PrivateKey.create(
                    Ed25519PublicKey.create(Bytes.copyFrom(rawPublic)),
                    SecretBytes.copyFrom(seed, InsecureSecretKeyAccess.get()));
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("invalid Ed25519 private key", e);
        }
    }

    /** The signing primitive of a keyset made by this class (raw 64-byte signatures). */
    public static PublicKeySign signer(KeysetHandle keyset) {
        requireRawEd25519(keyset.getPrimary().getKey());
        try {
            return keyset.getPrimitive(SignatureConfig2026.get(), PublicKeySign.class);
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("keyset cannot sign", e);
        }
    }

    /** The raw 32-byte public key of the primary key, e.g. for {@link Multikey}. */
    public static byte[] publicKey(KeysetHandle keyset) {
        Key key = keyset.getPrimary().getKey();
        requireRawEd25519(key);
        Ed25519PublicKey publicKey = key instanceof Ed25519PrivateKey privateKey
                ? privateKey.getPublicKey()
                : (Ed25519PublicKey) key;
        return publicKey.getPublicKeyBytes().toByteArray();
    }

    /**
     * A verifier for a raw 32-byte public key, as found in a Multikey. Building one through a Tink
     * keyset costs about as much as a verification, and the same few keys sign most of what arrives,
     * so verifiers are kept (Tink primitives are thread-safe); the cache is bounded by clearing it.
     */
    public static PublicKeyVerify verifier(byte[] rawPublicKey) {
        if (rawPublicKey.length != Multikey.ED25519_KEY_LENGTH) {
            throw new KeyFormatException("Ed25519 public key must be 32 bytes");
        }
        java.nio.ByteBuffer cacheKey = java.nio.ByteBuffer.wrap(rawPublicKey.clone());
        PublicKeyVerify cached = VERIFIERS.get(cacheKey);
        if (cached != null) return cached;
        PublicKeyVerify fresh = newVerifier(rawPublicKey);
        if (VERIFIERS.size() >= MAX_CACHED_VERIFIERS) VERIFIERS.clear();
        VERIFIERS.put(cacheKey, fresh);
        return fresh;
    }

    private static final int MAX_CACHED_VERIFIERS = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, PublicKeyVerify> VERIFIERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static PublicKeyVerify newVerifier(byte[] rawPublicKey) {
        try {
            Ed25519PublicKey key = Ed25519PublicKey.create(Bytes.copyFrom(rawPublicKey));
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build()
                    .getPrimitive(SignatureConfig2026.get(), PublicKeyVerify.class);
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("invalid Ed25519 public key", e);
        }
    }

    private static void requireRawEd25519(Key key) {
        boolean ed25519 = key instanceof Ed25519PrivateKey || key instanceof Ed25519PublicKey;
        if (!ed25519 || !Ed25519Parameters.Variant.NO_PREFIX.equals(
                ((Ed25519Parameters) key.getParameters()).getVariant())) {
            throw new KeyFormatException("keyset is not a raw-output Ed25519 key");
        }
    }
}
