package de.allmende.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;

/**
 * PEM encoding of public keys, the form ActivityPub actors publish in {@code publicKeyPem}.
 *
 * <p>Only public keys: private keys stay in Tink keysets and are never exported as PEM.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    // DER of AlgorithmIdentifier { rsaEncryption, NULL }, needed to wrap PKCS#1 keys.
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Pem() {
    }

    /** SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) for any JCA public key. */
    public static String encodePublicKey(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** SPKI PEM for the public half of a Tink RSA signing key, for our actors' documents. */
    public static String encodePublicKey(RsaSsaPkcs1PublicKey key) throws GeneralSecurityException {
        return encodePublicKey(toJca(key));
    }

    /** The JCA form of a Tink RSA public key (modulus and exponent carry over unchanged). */
    public static RSAPublicKey toJca(RsaSsaPkcs1PublicKey key) throws GeneralSecurityException {
        RSAPublicKeySpec spec = new RSAPublicKeySpec(key.getModulus(), key.getParameters().getPublicExponent());
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    }

    /**
     * Reads the first public key block of a PEM text: SPKI ({@code PUBLIC KEY}) with an RSA or
     * Ed25519 key, or PKCS#1 ({@code RSA PUBLIC KEY}). Text around the block is ignored.
     *
     * @throws GeneralSecurityException when no usable key is found
     */
    public static PublicKey decodePublicKey(String pem) throws GeneralSecurityException {
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            String label = matcher.group(1);
            if (!label.equals("PUBLIC KEY") && !label.equals("RSA PUBLIC KEY")) {
                continue;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(matcher.group(2));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException("PEM body is not base64", e);
            }
            return label.equals("PUBLIC KEY") ? decodeSpki(der) : decodeSpki(wrapPkcs1(der));
        }
        throw new GeneralSecurityException("no public key block in PEM");
    }

    /** Decodes DER SubjectPublicKeyInfo holding an RSA or Ed25519 key. */
    public static PublicKey decodeSpki(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        // The key factories check the algorithm OID themselves, so trying both is safe.
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (InvalidKeySpecException e) {
                // not this algorithm; try the next
            }
        }
        throw new GeneralSecurityException("unsupported public key algorithm");
    }

    /** SPKI = SEQUENCE { AlgorithmIdentifier, BIT STRING (0 unused bits, PKCS#1 key) }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0);
        bitString.writeBytes(pkcs1);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(RSA_ALGORITHM_ID);
        content.writeBytes(derTlv(0x03, bitString.toByteArray()));
        return derTlv(0x30, content.toByteArray());
    }

    /** Encodes one DER tag-length-value; shared with tests that wrap PKCS#1 private keys. */
    public static byte[] derTlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
