package de.allmende.federation.signature;

import de.allmende.crypto.NativeRsaVerifier;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * The signature algorithms this node verifies, named by their RFC 9421 registry identifiers.
 *
 * <p>Verification goes through JCA providers because remote keys arrive as PEM and are used once: RSA through the
 * native provider where it loads ({@link NativeRsaVerifier}), else and for Ed25519 the JDK's; signing uses Tink's
 * keysets, so our private keys never leave them.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256; also what draft-cavage {@code rsa-sha256} means. */
    RSA_V1_5_SHA256("rsa-v1_5-sha256", "SHA256withRSA"),
    /** EdDSA over edwards25519 (RFC 8032, pure Ed25519). */
    ED25519("ed25519", "Ed25519");

    private final String httpName;
    private final String jcaName;

    SignatureAlgorithm(String httpName, String jcaName) {
        this.httpName = httpName;
        this.jcaName = jcaName;
    }

    /** The identifier used in the {@code alg} parameter. */
    public String httpName() {
        return httpName;
    }

    /** Looks up an {@code alg} parameter value; empty for algorithms we do not support. */
    public static Optional<SignatureAlgorithm> fromHttpName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.httpName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a key can be used with; RSA keys of any size are accepted for verification. */
    public static Optional<SignatureAlgorithm> forKey(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return Optional.of(RSA_V1_5_SHA256);
        }
        if (key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return Optional.of(ED25519);
        }
        return Optional.empty();
    }

    /** Whether this algorithm can be verified with the given key. */
    public boolean matches(PublicKey key) {
        return forKey(key).filter(this::equals).isPresent();
    }

    /**
     * Verifies a signature; any provider error (bad length, wrong key type) counts as "does not
     * verify" because the inputs come from the network.
     */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (!matches(key)) {
            return false;
        }
        if (this == RSA_V1_5_SHA256) {
            Optional<Boolean> nativeAnswer = NativeRsaVerifier.verify(key, data, signature);
            if (nativeAnswer.isPresent()) return nativeAnswer.get();
        }
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
