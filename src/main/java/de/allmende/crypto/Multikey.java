package de.allmende.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * {@code publicKeyMultibase} values of Multikey verification methods (FEP-521a, W3C CID 1.0):
 * {@code "z"} + base58btc(multicodec varint prefix ‖ key bytes).
 *
 * <p>Supported: Ed25519 public keys (raw 32 bytes), Ed25519 private keys (raw 32-byte seed; only
 * needed to read published test vectors, never to store our own keys) and RSA public keys
 * (PKCS#1 DER, converted to and from JCA's X.509 form).
 */
public final class Multikey {

    /** The multicodecs we understand, with their unsigned-varint prefix. */
    public enum Codec {
        ED25519_PUBLIC(0xed),
        ED25519_PRIVATE(0x1300),
        RSA_PUBLIC(0x1205);

        private final byte[] prefix;

        Codec(int code) {
            this.prefix = varint(code);
        }
    }

    public static final int ED25519_KEY_LENGTH = 32;

    /** Bounds base58 decoding work; an 8192-bit RSA key needs about 1,450 characters. */
    private static final int MAX_MULTIBASE_LENGTH = 2048;

    private Multikey() {}

    public static String encodeEd25519PublicKey(byte[] rawPublicKey) {
        if (rawPublicKey.length != ED25519_KEY_LENGTH) {
            throw new KeyFormatException("Ed25519 public key must be 32 bytes");
        }
        return encode(Codec.ED25519_PUBLIC, rawPublicKey);
    }

    /** @return the raw 32-byte Ed25519 public key */
    public static byte[] decodeEd25519PublicKey(String multibase) {
        byte[] key = decode(multibase, Codec.ED25519_PUBLIC);
        if (key.length != ED25519_KEY_LENGTH) {
            throw new KeyFormatException("Ed25519 public key must be 32 bytes");
        }
        return key;
    }

    /** @return the raw 32-byte Ed25519 private key (RFC 8032 seed) */
    public static byte[] decodeEd25519PrivateKey(String multibase) {
        byte[] key = decode(multibase, Codec.ED25519_PRIVATE);
        if (key.length != ED25519_KEY_LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new KeyFormatException("Ed25519 private key must be 32 bytes");
        }
        return key;
    }

    public static String encodeRsaPublicKey(PublicKey rsaPublicKey) {
        if (!"RSA".equals(rsaPublicKey.getAlgorithm()) || !"X.509".equals(rsaPublicKey.getFormat())) {
            throw new KeyFormatException("not an RSA public key");
        }
        return encode(Codec.RSA_PUBLIC, RsaSpki.toPkcs1(rsaPublicKey.getEncoded()));
    }

    public static RSAPublicKey decodeRsaPublicKey(String multibase) {
        byte[] spki = RsaSpki.fromPkcs1(decode(multibase, Codec.RSA_PUBLIC));
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("invalid RSA public key", e);
        }
    }

    /** Tells which key type a multibase value holds, so callers can pick the decoder. */
    public static Codec codecOf(String multibase) {
        byte[] bytes = multibaseBytes(multibase);
        for (Codec codec : Codec.values()) {
            if (startsWith(bytes, codec.prefix)) {
                return codec;
            }
        }
        throw new KeyFormatException("unsupported multicodec");
    }

    private static String encode(Codec codec, byte[] key) {
        byte[] out = Arrays.copyOf(codec.prefix, codec.prefix.length + key.length);
        System.arraycopy(key, 0, out, codec.prefix.length, key.length);
        return "z" + Base58btc.encode(out);
    }

    private static byte[] decode(String multibase, Codec expected) {
        byte[] bytes = multibaseBytes(multibase);
        if (!startsWith(bytes, expected.prefix)) {
            throw new KeyFormatException("unexpected multicodec");
        }
        byte[] key = Arrays.copyOfRange(bytes, expected.prefix.length, bytes.length);
        Arrays.fill(bytes, (byte) 0); // may hold a private key
        return key;
    }

    private static byte[] multibaseBytes(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new KeyFormatException("expected base58btc multibase (prefix z)");
        }
        if (multibase.length() > MAX_MULTIBASE_LENGTH) {
            throw new KeyFormatException("multibase value too long");
        }
        return Base58btc.decode(multibase.substring(1));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Unsigned LEB128, as multicodec prescribes. */
    static byte[] varint(int code) {
        byte[] buffer = new byte[5];
        int n = 0;
        while ((code & ~0x7F) != 0) {
            buffer[n++] = (byte) ((code & 0x7F) | 0x80);
            code >>>= 7;
        }
        buffer[n++] = (byte) code;
        return Arrays.copyOf(buffer, n);
    }
}
