package de.allmende.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;

/** Generates actor keys with Tink. */
public final class KeyGenerator {
    private static final RsaSsaPkcs1Parameters RSA_2048;

    static {
        TinkTypes.registered();
        try {
            // NO_PREFIX: plain 256-byte signatures that any JCA SHA256withRSA verifier accepts.
            RSA_2048 = RsaSsaPkcs1Parameters.builder().setModulusSizeBits(2048)
                    .setPublicExponent(RsaSsaPkcs1Parameters.F4)
                    .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
                    .setVariant(RsaSsaPkcs1Parameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private KeyGenerator() {}

    public static GeneratedKey generate(KeyAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case RSA_2048 -> {
                    KeysetHandle h = KeysetHandle.generateNew(RSA_2048);
                    RsaSsaPkcs1PublicKey pk = (RsaSsaPkcs1PublicKey) h.getPublicKeysetHandle().getPrimary().getKey();
                    byte[] spki = KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(pk.getModulus(), pk.getParameters().getPublicExponent())).getEncoded();
                    yield new GeneratedKey(algorithm, spki, h);
                }
                case ED25519 -> {
                    KeysetHandle h = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput);
                    Ed25519PublicKey pk = (Ed25519PublicKey) h.getPublicKeysetHandle().getPrimary().getKey();
                    yield new GeneratedKey(algorithm, pk.getPublicKeyBytes().toByteArray(), h);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }
}
