package de.allmende.crypto;

import java.util.Base64;

/** Text forms of local public keys for actor documents. */
public final class PublicKeys {
    private static final byte[] ED25519_MULTICODEC = {(byte) 0xed, 0x01};

    /** Multicodec rsa-pub (0x1205) as an unsigned varint. */
    private static final byte[] RSA_MULTICODEC = {(byte) 0x85, 0x24};

    private PublicKeys() {}

    /** PEM "PUBLIC KEY" (SPKI), as Mastodon reads it from publicKey.publicKeyPem. */
    public static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** FEP-521a publicKeyMultibase of a raw Ed25519 key: "z" + base58btc(0xed01 ‖ key). */
    public static String ed25519Multibase(byte[] raw) {
        byte[] prefixed = new byte[raw.length + 2];
        System.arraycopy(ED25519_MULTICODEC, 0, prefixed, 0, 2);
        System.arraycopy(raw, 0, prefixed, 2, raw.length);
        return "z" + Base58.encode(prefixed);
    }

    /** FEP-521a publicKeyMultibase of an RSA key: "z" + base58btc(0x8524 ‖ PKCS#1 RSAPublicKey DER). */
    public static String rsaMultibase(byte[] spki) {
        byte[] pkcs1 = rsaPkcs1FromSpki(spki);
        byte[] prefixed = new byte[pkcs1.length + 2];
        System.arraycopy(RSA_MULTICODEC, 0, prefixed, 0, 2);
        System.arraycopy(pkcs1, 0, prefixed, 2, pkcs1.length);
        return "z" + Base58.encode(prefixed);
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm SEQUENCE, subjectPublicKey BIT STRING } → the BIT STRING's key bytes. */
    static byte[] rsaPkcs1FromSpki(byte[] spki) {
        int[] pos = {0};
        expect(spki, pos, 0x30);
        readLength(spki, pos);
        expect(spki, pos, 0x30);
        pos[0] += readLength(spki, pos); // skip AlgorithmIdentifier
        expect(spki, pos, 0x03);
        int len = readLength(spki, pos);
        if (spki[pos[0]] != 0) throw new IllegalArgumentException("unexpected unused bits in SPKI");
        byte[] out = new byte[len - 1];
        System.arraycopy(spki, pos[0] + 1, out, 0, len - 1);
        return out;
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) throw new IllegalArgumentException("malformed SPKI");
    }

    private static int readLength(byte[] der, int[] pos) {
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) return first;
        int n = first & 0x7f, len = 0;
        for (int i = 0; i < n; i++) len = (len << 8) | (der[pos[0]++] & 0xff);
        return len;
    }
}
