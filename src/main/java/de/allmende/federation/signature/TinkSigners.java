package de.allmende.federation.signature;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PrivateKey;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.RsaSsaPkcs1SignJce;

/**
 * Turns Tink keysets into signers usable for HTTP signatures.
 *
 * <p>HTTP signatures carry plain algorithm output, so only keys with the NO_PREFIX variant
 * work: Tink's default TINK variant prepends five key-id bytes that no peer would understand.
 * Checking this here turns a silent interop failure into an early error.
 */
public final class TinkSigners {

    private TinkSigners() {
    }

    /** Signer for {@code rsa-sha256} / {@code rsa-v1_5-sha256} from the keyset's primary key. */
    public static PublicKeySign rsaSha256(KeysetHandle keyset) throws GeneralSecurityException {
        Key key = keyset.getPrimary().getKey();
        if (!(key instanceof RsaSsaPkcs1PrivateKey rsa)) {
            throw new GeneralSecurityException("primary key is not an RSASSA-PKCS1 private key");
        }
        return rsaSha256(rsa);
    }

    /** Signer for one RSASSA-PKCS1-v1_5 SHA-256 NO_PREFIX key. */
    public static PublicKeySign rsaSha256(RsaSsaPkcs1PrivateKey key) throws GeneralSecurityException {
        RsaSsaPkcs1Parameters parameters = key.getParameters();
        if (parameters.getHashType() != RsaSsaPkcs1Parameters.HashType.SHA256) {
            throw new GeneralSecurityException("RSA key must use SHA-256");
        }
        if (parameters.getVariant() != RsaSsaPkcs1Parameters.Variant.NO_PREFIX) {
            throw new GeneralSecurityException("RSA key must use the NO_PREFIX variant");
        }
        return RsaSsaPkcs1SignJce.create(key);
    }

    /** Signer for {@code ed25519} from the keyset's primary key. */
    public static PublicKeySign ed25519(KeysetHandle keyset) throws GeneralSecurityException {
        Key key = keyset.getPrimary().getKey();
        if (!(key instanceof Ed25519PrivateKey ed)) {
            throw new GeneralSecurityException("primary key is not an Ed25519 private key");
        }
        return ed25519(ed);
    }

    /** Signer for one Ed25519 NO_PREFIX key. */
    public static PublicKeySign ed25519(Ed25519PrivateKey key) throws GeneralSecurityException {
        if (key.getParameters().getVariant() != Ed25519Parameters.Variant.NO_PREFIX) {
            throw new GeneralSecurityException("Ed25519 key must use the NO_PREFIX variant");
        }
        return Ed25519Sign.create(key);
    }
}
