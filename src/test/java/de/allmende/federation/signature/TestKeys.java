package de.allmende.federation.signature;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;

import de.allmende.crypto.Pem;

/** Fresh Tink keysets for tests; generated once per JVM because RSA generation is slow. */
final class TestKeys {

    static final KeysetHandle RSA;
    static final KeysetHandle OTHER_RSA;
    static final KeysetHandle ED25519;

    static {
        try {
            SignatureConfig.register();
            RSA = KeysetHandle.generateNew(rsaParameters());
            OTHER_RSA = KeysetHandle.generateNew(rsaParameters());
            ED25519 = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestKeys() {
    }

    static RsaSsaPkcs1Parameters rsaParameters() throws GeneralSecurityException {
        return RsaSsaPkcs1Parameters.builder()
                .setModulusSizeBits(2048)
                .setPublicExponent(RsaSsaPkcs1Parameters.F4)
                .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
                .setVariant(RsaSsaPkcs1Parameters.Variant.NO_PREFIX)
                .build();
    }

    /** The keyset's public key as a remote peer sees it: SPKI PEM, parsed back with JCA. */
    static PublicKey rsaPublicViaPem(KeysetHandle keyset) throws GeneralSecurityException {
        RsaSsaPkcs1PublicKey key = (RsaSsaPkcs1PublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey();
        return Pem.decodePublicKey(Pem.encodePublicKey(key));
    }

    /** A resolver that records how it was asked and answers from a fixed list of keys. */
    static final class RecordingResolver implements KeyResolver {
        final List<Freshness> calls = new ArrayList<>();
        private final PublicKey cached;
        private final PublicKey refreshed;

        RecordingResolver(PublicKey cached, PublicKey refreshed) {
            this.cached = cached;
            this.refreshed = refreshed;
        }

        static RecordingResolver of(PublicKey key) {
            return new RecordingResolver(key, key);
        }

        @Override
        public Optional<PublicKey> resolve(String keyId, Freshness freshness) {
            calls.add(freshness);
            return Optional.ofNullable(freshness == Freshness.CACHED ? cached : refreshed);
        }
    }
}
