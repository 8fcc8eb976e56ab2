package de.allmende.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig2026;
import de.allmende.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private static final byte[] MESSAGE = "Allmende".getBytes(StandardCharsets.UTF_8);

    @Test
    void w3cSecretKeyYieldsThePublishedPublicKey() {
        JsonNode keyPair = Vectors.json("w3c-eddsa-jcs-2022/keyPair.json");
        byte[] seed = Multikey.decodeEd25519PrivateKey(keyPair.get("privateKeyMultibase").asText());

        KeysetHandle keyset = Ed25519Keys.fromSeed(seed);

        assertEquals(keyPair.get("publicKeyMultibase").asText(),
                Multikey.encodeEd25519PublicKey(Ed25519Keys.publicKey(keyset)));
    }

    // RFC 8032 section 7.1, TEST 1: a seed-derived keyset must sign deterministically like the RFC.
    @Test
    void seedKeysetReproducesRfc8032TestOne() throws GeneralSecurityException {
        HexFormat hex = HexFormat.of();
        KeysetHandle keyset = Ed25519Keys.fromSeed(
                hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                hex.formatHex(Ed25519Keys.publicKey(keyset)));
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                hex.formatHex(Ed25519Keys.signer(keyset).sign(new byte[0])));
    }

    @Test
    void generatedKeysetSignsRawSignaturesThatTheRawPublicKeyVerifies() throws GeneralSecurityException {
        KeysetHandle keyset = Ed25519Keys.generate();

        byte[] signature = Ed25519Keys.signer(keyset).sign(MESSAGE);
        PublicKeyVerify verifier = Ed25519Keys.verifier(Ed25519Keys.publicKey(keyset));

        assertEquals(Ed25519Keys.SIGNATURE_LENGTH, signature.length);
        verifier.verify(signature, MESSAGE);
        signature[0] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> verifier.verify(signature, MESSAGE));
    }

    @Test
    void publicKeysetGivesTheSameRawPublicKey() throws GeneralSecurityException {
        KeysetHandle keyset = Ed25519Keys.generate();

        assertArrayEquals(Ed25519Keys.publicKey(keyset), Ed25519Keys.publicKey(keyset.getPublicKeysetHandle()));
    }

    @Test
    void tinkPrefixedKeysetsAreRefusedBecauseProofsNeedBareSignatures() throws GeneralSecurityException {
        KeysetHandle prefixed =
                KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519, SignatureConfig2026.get());

        assertEquals("keyset is not a raw-output Ed25519 key",
                assertThrows(KeyFormatException.class, () -> Ed25519Keys.signer(prefixed)).getMessage());
        assertThrows(KeyFormatException.class, () -> Ed25519Keys.publicKey(prefixed));
    }

    @Test
    void wrongLengthKeyMaterialIsRejected() {
        assertThrows(KeyFormatException.class, () -> Ed25519Keys.fromSeed(new byte[31]));
        assertThrows(KeyFormatException.class, () -> Ed25519Keys.verifier(new byte[33]));
    }
}
