package de.allmende.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * RSASSA-PKCS1-v1_5 SHA-256 verification (inbound HTTP signatures) through the Amazon Corretto Crypto Provider where it
 * loads (see {@link NativeProvider}): every signed request a node receives is verified, and the JDK's RSA runs on
 * {@code BigInteger} arithmetic (a tenth of the hostile-input suite's CPU). PKCS#1 v1.5 verification is deterministic, so
 * both providers give the same answer; where the native one refuses a key (an odd size, say) or fails, the caller
 * asks the JDK.
 */
public final class NativeRsaVerifier {
    private NativeRsaVerifier() {}

    /** The native answer, or empty when there is none (no provider, a key it does not take, an error of its own). */
    public static Optional<Boolean> verify(PublicKey key, byte[] data, byte[] signature) {
        Optional<Provider> provider = NativeProvider.get();
        if (provider.isEmpty() || !(key instanceof RSAPublicKey)) return Optional.empty();
        Signature verifier;
        try {
            verifier = Signature.getInstance("SHA256withRSA", provider.get());
            verifier.initVerify(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            verifier.update(data);
            return Optional.of(verifier.verify(signature));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // a malformed signature: the JDK says what it says of it
        }
    }
}
