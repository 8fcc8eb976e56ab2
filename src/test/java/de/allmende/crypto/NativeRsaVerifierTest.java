package de.allmende.crypto;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Native RSA verification")
class NativeRsaVerifierTest {
    private static final byte[] DATA = "(request-target): post /actors/musterstadt/inbox".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("answers on Linux x86-64, and as the JDK does: a good signature, altered data, altered, short, long and empty signatures")
    void answersAsTheJdk() throws Exception {
        KeyPair pair = rsa(2048);
        byte[] good = sign(pair, DATA);
        byte[] altered = good.clone();
        altered[10] ^= 1;
        byte[] otherData = DATA.clone();
        otherData[0] ^= 1;
        assertEquals(Optional.of(true), NativeRsaVerifier.verify(pair.getPublic(), DATA, good), "the native provider answers here");
        assertSameAsJdk(pair.getPublic(), DATA, good);
        assertSameAsJdk(pair.getPublic(), otherData, good);
        assertSameAsJdk(pair.getPublic(), DATA, altered);
        assertSameAsJdk(pair.getPublic(), DATA, Arrays.copyOf(good, 255));
        assertSameAsJdk(pair.getPublic(), DATA, Arrays.copyOf(good, 257));
        assertSameAsJdk(pair.getPublic(), DATA, new byte[0]);
        assertSameAsJdk(rsa(2048).getPublic(), DATA, good);
    }

    @Test
    @DisplayName("keys of other sizes: the same answer, or none (the JDK then verifies)")
    void otherSizes() throws Exception {
        for (int bits : new int[]{512, 1024}) {
            KeyPair pair = rsa(bits);
            byte[] good = sign(pair, DATA);
            Optional<Boolean> answer = NativeRsaVerifier.verify(pair.getPublic(), DATA, good);
            assertTrue(answer.isEmpty() || answer.get(), bits + " bits: " + answer);
        }
    }

    private static void assertSameAsJdk(PublicKey key, byte[] data, byte[] signature) throws Exception {
        boolean jdk;
        try {
            Signature s = Signature.getInstance("SHA256withRSA", "SunRsaSign");
            s.initVerify(key);
            s.update(data);
            jdk = s.verify(signature);
        } catch (java.security.SignatureException e) {
            jdk = false;
        }
        Optional<Boolean> nativeAnswer = NativeRsaVerifier.verify(key, data, signature);
        assertTrue(nativeAnswer.isEmpty() || nativeAnswer.get() == jdk, "native " + nativeAnswer + ", JDK " + jdk);
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static byte[] sign(KeyPair pair, byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(pair.getPrivate());
        s.update(data);
        return s.sign();
    }
}
