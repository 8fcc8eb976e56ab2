package de.allmende.crypto;

import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Text forms of local public keys for actor documents. */
public final class PublicKeys {
    private PublicKeys() {}

    /** PEM "PUBLIC KEY" (SPKI), as Mastodon reads it from publicKey.publicKeyPem. */
    public static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** FEP-521a publicKeyMultibase of a raw Ed25519 key. */
    public static String ed25519Multibase(byte[] raw) {
        return Multikey.encodeEd25519PublicKey(raw);
    }

    /** FEP-521a publicKeyMultibase of an RSA key given as X.509 SPKI DER. */
    public static String rsaMultibase(byte[] spki) {
        try {
            return Multikey.encodeRsaPublicKey(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyFormatException("stored RSA key is not a valid SPKI");
        }
    }
}
