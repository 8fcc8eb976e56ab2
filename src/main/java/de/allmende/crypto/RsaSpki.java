package de.allmende.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Converts between a PKCS#1 {@code RSAPublicKey} (what the rsa-pub multicodec carries) and an
 * X.509 {@code SubjectPublicKeyInfo} (what JCA's {@code X509EncodedKeySpec} and {@code
 * getEncoded()} speak).
 *
 * <p>For RSA the SPKI is a fixed AlgorithmIdentifier plus the PKCS#1 bytes in a BIT STRING, so a
 * few lines of DER are enough; pulling in a full ASN.1 library for this would be overkill.
 * Structure is checked strictly; the key itself is validated later by {@code KeyFactory}.
 */
public final class RsaSpki {

    /** SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x01, 0x01, 0x05, 0x00
    };
    private static final int SEQUENCE = 0x30;
    private static final int BIT_STRING = 0x03;

    private RsaSpki() {}

    /** Wraps PKCS#1 RSAPublicKey DER into SubjectPublicKeyInfo DER. */
    public static byte[] fromPkcs1(byte[] pkcs1) {
        checkWholeElement(pkcs1, 0, SEQUENCE, "malformed PKCS#1 RSA public key");
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(BIT_STRING);
        writeLength(bitString, pkcs1.length + 1);
        bitString.write(0); // no unused bits
        bitString.writeBytes(pkcs1);

        ByteArrayOutputStream spki = new ByteArrayOutputStream();
        spki.write(SEQUENCE);
        writeLength(spki, RSA_ALGORITHM_ID.length + bitString.size());
        spki.writeBytes(RSA_ALGORITHM_ID);
        spki.writeBytes(bitString.toByteArray());
        return spki.toByteArray();
    }

    /** Extracts the PKCS#1 RSAPublicKey DER from an RSA SubjectPublicKeyInfo DER. */
    public static byte[] toPkcs1(byte[] spki) {
        int bodyStart = checkWholeElement(spki, 0, SEQUENCE, "malformed SubjectPublicKeyInfo");
        int algEnd = bodyStart + RSA_ALGORITHM_ID.length;
        if (algEnd > spki.length
                || !Arrays.equals(spki, bodyStart, algEnd, RSA_ALGORITHM_ID, 0, RSA_ALGORITHM_ID.length)) {
            throw new KeyFormatException("not an RSA public key");
        }
        int bitsStart = checkWholeElement(spki, algEnd, BIT_STRING, "malformed SubjectPublicKeyInfo");
        if (bitsStart >= spki.length || spki[bitsStart] != 0) {
            throw new KeyFormatException("malformed SubjectPublicKeyInfo");
        }
        byte[] pkcs1 = Arrays.copyOfRange(spki, bitsStart + 1, spki.length);
        checkWholeElement(pkcs1, 0, SEQUENCE, "malformed PKCS#1 RSA public key");
        return pkcs1;
    }

    /**
     * Checks that a DER element with {@code tag} starts at {@code offset} and ends exactly at the
     * end of {@code der}; returns the offset of its contents.
     */
    private static int checkWholeElement(byte[] der, int offset, int tag, String reason) {
        if (offset + 2 > der.length || (der[offset] & 0xFF) != tag) {
            throw new KeyFormatException(reason);
        }
        int first = der[offset + 1] & 0xFF;
        int pos = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            // Keys are far below 16 MiB; longer length fields only signal garbage.
            if (count == 0 || count > 3 || pos + count > der.length) {
                throw new KeyFormatException(reason);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[pos++] & 0xFF);
            }
        }
        if (pos + length != der.length) {
            throw new KeyFormatException(reason);
        }
        return pos;
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
    }
}
