package de.allmende.crypto;

import com.google.crypto.tink.KeysetHandle;

/**
 * A freshly generated key pair.
 *
 * @param publicKey X.509 SubjectPublicKeyInfo DER for RSA, the raw 32 bytes for Ed25519
 * @param keyset    the private Tink keyset; encrypt it before it leaves memory
 */
public record GeneratedKey(KeyAlgorithm algorithm, byte[] publicKey, KeysetHandle keyset) {
}
