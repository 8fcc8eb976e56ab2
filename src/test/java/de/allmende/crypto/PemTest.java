package de.allmende.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;

@DisplayName("PEM public keys")
class PemTest {

    // RFC 9421 B.1.1 test-key-rsa (PKCS#1) and B.1.4 test-key-ed25519 (SPKI).
    private static final String RSA_PKCS1 = """
            -----BEGIN RSA PUBLIC KEY-----
            MIIBCgKCAQEAhAKYdtoeoy8zcAcR874L8cnZxKzAGwd7v36APp7Pv6Q2jdsPBRrw
            WEBnez6d0UDKDwGbc6nxfEXAy5mbhgajzrw3MOEt8uA5txSKobBpKDeBLOsdJKFq
            MGmXCQvEG7YemcxDTRPxAleIAgYYRjTSd/QBwVW9OwNFhekro3RtlinV0a75jfZg
            kne/YiktSvLG34lw2zqXBDTC5NHROUqGTlML4PlNZS5Ri2U4aCNx2rUPRcKIlE0P
            uKxI4T+HIaFpv8+rdV6eUgOrB2xeI1dSFFn/nnv5OoZJEIB+VmuKn3DCUcCZSFlQ
            PSXSfBDiUGhwOw76WuSSsf1D4b/vLoJ10wIDAQAB
            -----END RSA PUBLIC KEY-----
            """;
    private static final String ED25519_SPKI = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
            -----END PUBLIC KEY-----
            """;

    @Test
    @DisplayName("a Tink RSA key exports as SPKI PEM that JCA reads back with the same modulus")
    void tinkRsaRoundTrip() throws Exception {
        KeysetHandle keyset = KeysetHandle.generateNew(RsaSsaPkcs1Parameters.builder()
                .setModulusSizeBits(2048).setPublicExponent(RsaSsaPkcs1Parameters.F4)
                .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
                .setVariant(RsaSsaPkcs1Parameters.Variant.NO_PREFIX).build());
        RsaSsaPkcs1PublicKey tinkKey = (RsaSsaPkcs1PublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey();

        String pem = Pem.encodePublicKey(tinkKey);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"), pem);
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64));
        RSAPublicKey decoded = assertInstanceOf(RSAPublicKey.class, Pem.decodePublicKey(pem));
        assertEquals(tinkKey.getModulus(), decoded.getModulus());
        assertEquals(RsaSsaPkcs1Parameters.F4, decoded.getPublicExponent());
    }

    @Test
    @DisplayName("PKCS#1 'RSA PUBLIC KEY' and SPKI encodings of the same key are equal")
    void pkcs1EqualsSpki() throws Exception {
        PublicKey fromPkcs1 = Pem.decodePublicKey(RSA_PKCS1);
        assertEquals(2048, ((RSAPublicKey) fromPkcs1).getModulus().bitLength());
        assertEquals(fromPkcs1, Pem.decodePublicKey(Pem.encodePublicKey(fromPkcs1)));
    }

    @Test
    @DisplayName("an Ed25519 SPKI key is read as an EdEC key; text around the block is ignored")
    void ed25519() throws Exception {
        PublicKey key = Pem.decodePublicKey("publicKeyPem:\r\n" + ED25519_SPKI.replace("\n", "\r\n") + "trailing");
        assertEquals("Ed25519", assertInstanceOf(EdECPublicKey.class, key).getParams().getName());
        assertEquals(ED25519_SPKI, Pem.encodePublicKey(key));
    }

    @Test
    @DisplayName("private keys, garbage and unknown algorithms are refused")
    void refusals() {
        assertThrows(GeneralSecurityException.class, () -> Pem.decodePublicKey("-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----"));
        assertThrows(GeneralSecurityException.class, () -> Pem.decodePublicKey("not a key"));
        assertThrows(GeneralSecurityException.class, () -> Pem.decodePublicKey(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
        // RFC 9421 B.1.3 P-256 key: valid SPKI, but not an algorithm we accept.
        assertThrows(GeneralSecurityException.class, () -> Pem.decodePublicKey("""
                -----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
                w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
                -----END PUBLIC KEY-----
                """));
    }
}
