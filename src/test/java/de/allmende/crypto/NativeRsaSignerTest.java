package de.allmende.crypto;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native RSA signer is a drop-in for Tink's: same key, same bytes (PKCS#1 v1.5 signatures are deterministic). */
@DisplayName("Native RSA signing")
class NativeRsaSignerTest {

    @Test
    @DisplayName("is used on Linux x86-64 and signs exactly as Tink does")
    void signsExactlyAsTink() throws Exception {
        GeneratedKey key = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
        PublicKeySign tink = key.keyset().getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        var nativeSigner = NativeRsaSigner.of(key.keyset());
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertTrue(nativeSigner.isPresent(), "the provider loads where the build includes it");
        }
        PublicKeySign signer = nativeSigner.orElse(tink);
        for (String text : new String[]{"(request-target): post /users/a/inbox\nhost: example.org", "", "ä"}) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(tink.sign(data), signer.sign(data), text);
        }
    }

    @Test
    @DisplayName("declines keys that are not RSA")
    void declinesEd25519() {
        assertTrue(NativeRsaSigner.of(KeyGenerator.generate(KeyAlgorithm.ED25519).keyset()).isEmpty());
    }
}
