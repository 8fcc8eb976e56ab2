package de.allmende.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import de.allmende.Vectors;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    private static final JsonNode FEP_521A = Vectors.json("fep-521a/fep-521a-vectors.json");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void fep521aEd25519PublicKeyEncodesToTheGivenMultibase() {
        byte[] raw = HEX.parseHex(FEP_521A.at("/ed25519/publicKeyHex").asText());
        String expected = FEP_521A.at("/ed25519/multikey/publicKeyMultibase").asText();

        assertEquals(expected, Multikey.encodeEd25519PublicKey(raw));
        assertArrayEquals(raw, Multikey.decodeEd25519PublicKey(expected));
        assertEquals(Multikey.Codec.ED25519_PUBLIC, Multikey.codecOf(expected));
    }

    @Test
    void fep521aRsaPublicKeyEncodesToTheGivenMultibaseViaJca() throws Exception {
        byte[] pkcs1 = HEX.parseHex(FEP_521A.at("/rsa/pkcs1DerHex").asText());
        String expected = FEP_521A.at("/rsa/multikey/publicKeyMultibase").asText();
        RSAPublicKey jcaKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(RsaSpki.fromPkcs1(pkcs1)));

        assertEquals(expected, Multikey.encodeRsaPublicKey(jcaKey));

        RSAPublicKey decoded = Multikey.decodeRsaPublicKey(expected);
        assertEquals(jcaKey.getModulus(), decoded.getModulus());
        assertEquals(jcaKey.getPublicExponent(), decoded.getPublicExponent());
        assertArrayEquals(pkcs1, RsaSpki.toPkcs1(decoded.getEncoded()));
        assertEquals(Multikey.Codec.RSA_PUBLIC, Multikey.codecOf(expected));
    }

    @Test
    void freshlyGeneratedRsaKeysOfCommonSizesRoundTrip() throws Exception {
        for (int bits : new int[] {1024, 2048}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();

            String multibase = Multikey.encodeRsaPublicKey(key);

            assertEquals(key, Multikey.decodeRsaPublicKey(multibase));
            assertArrayEquals(key.getEncoded(), RsaSpki.fromPkcs1(RsaSpki.toPkcs1(key.getEncoded())));
        }
    }

    @Test
    void w3cKeyPairPrivateKeyDecodesToA32ByteSeed() {
        JsonNode keyPair = Vectors.json("w3c-eddsa-jcs-2022/keyPair.json");
        String secret = keyPair.get("privateKeyMultibase").asText();

        assertEquals(32, Multikey.decodeEd25519PrivateKey(secret).length);
        assertEquals(Multikey.Codec.ED25519_PRIVATE, Multikey.codecOf(secret));
        assertEquals(32, Multikey.decodeEd25519PublicKey(keyPair.get("publicKeyMultibase").asText()).length);
    }

    @Test
    void multicodecPrefixesAreTheRegisteredVarints() {
        assertArrayEquals(new byte[] {(byte) 0xed, 0x01}, Multikey.varint(0xed));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x26}, Multikey.varint(0x1300));
        assertArrayEquals(new byte[] {(byte) 0x85, 0x24}, Multikey.varint(0x1205));
    }

    @Test
    void aKeyOfAnotherTypeIsNotAcceptedAsEd25519() {
        String rsa = FEP_521A.at("/rsa/multikey/publicKeyMultibase").asText();
        String ed25519 = FEP_521A.at("/ed25519/multikey/publicKeyMultibase").asText();

        assertEquals("unexpected multicodec",
                assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PublicKey(rsa)).getMessage());
        assertThrows(KeyFormatException.class, () -> Multikey.decodeRsaPublicKey(ed25519));
        assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PrivateKey(ed25519));
    }

    @Test
    void malformedMultibaseValuesAreRejectedWithShortReasons() {
        String valid = FEP_521A.at("/ed25519/multikey/publicKeyMultibase").asText();

        assertEquals("expected base58btc multibase (prefix z)",
                assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PublicKey(valid.substring(1)))
                        .getMessage());
        assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PublicKey("z"));
        assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PublicKey(valid + "0"));
        // One character fewer: right prefix, wrong length.
        assertThrows(KeyFormatException.class,
                () -> Multikey.decodeEd25519PublicKey(valid.substring(0, valid.length() - 1)));
        assertThrows(KeyFormatException.class, () -> Multikey.decodeEd25519PublicKey("z" + "2".repeat(3000)));
        assertThrows(KeyFormatException.class, () -> Multikey.encodeEd25519PublicKey(new byte[31]));
        assertEquals("unsupported multicodec",
                assertThrows(KeyFormatException.class, () -> Multikey.codecOf("z" + Base58btc.encode(new byte[] {1, 2, 3})))
                        .getMessage());
    }

    @Test
    void structurallyBrokenDerIsRejected() {
        byte[] pkcs1 = HEX.parseHex(FEP_521A.at("/rsa/pkcs1DerHex").asText());
        byte[] spki = RsaSpki.fromPkcs1(pkcs1);
        byte[] truncated = java.util.Arrays.copyOf(spki, spki.length - 1);
        byte[] wrongAlgorithm = spki.clone();
        wrongAlgorithm[10] ^= 1;

        assertThrows(KeyFormatException.class, () -> RsaSpki.toPkcs1(truncated));
        assertEquals("not an RSA public key",
                assertThrows(KeyFormatException.class, () -> RsaSpki.toPkcs1(wrongAlgorithm)).getMessage());
        assertThrows(KeyFormatException.class, () -> RsaSpki.fromPkcs1(new byte[] {0x30, 0x05, 0x00}));
        // A well-formed SEQUENCE that is not an RSA key must not slip through KeyFactory.
        assertThrows(KeyFormatException.class,
                () -> Multikey.decodeRsaPublicKey("z" + Base58btc.encode(new byte[] {(byte) 0x85, 0x24, 0x30, 0x00})));
    }
}
