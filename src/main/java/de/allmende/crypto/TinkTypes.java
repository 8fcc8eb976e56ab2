package de.allmende.crypto;

import com.google.crypto.tink.aead.AeadWrapper;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import com.google.crypto.tink.signature.Ed25519PrivateKeyManager;
import com.google.crypto.tink.signature.PublicKeySignWrapper;
import com.google.crypto.tink.signature.RsaSsaPkcs1SignKeyManager;

import java.security.GeneralSecurityException;

/**
 * Registers with Tink only the key types the node stores: AES-GCM (the master key), Ed25519 and RSASSA-PKCS1
 * (actor keys). Tink's AeadConfig and SignatureConfig register every type they know, which loaded some 300
 * classes more into every idle node (issue 8's footprint). Verification does not use the registry
 * ({@link Ed25519Keys} has its own configuration, RSA verifies through the JCA).
 */
final class TinkTypes {
    static {
        try {
            AeadWrapper.register();
            PublicKeySignWrapper.register();
            AesGcmKeyManager.register(true);
            Ed25519PrivateKeyManager.registerPair(true);
            RsaSsaPkcs1SignKeyManager.registerPair(true);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TinkTypes() {}

    /** Registers once per JVM (the class initialiser runs once); call before using Tink's global registry. */
    static void registered() {}
}
