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
    @DisplayName("reads a stored keyset without Tink's key checks and still signs exactly as Tink does; other keys and altered rows are not read")
    void readsStoredKeysetsAsTink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        MasterKey master = MasterKey.create(dir.resolve("master.key"));
        byte[] ad = "allmende:actor-key:7#main-key".getBytes(StandardCharsets.UTF_8);
        GeneratedKey key = KeyGenerator.generate(KeyAlgorithm.RSA_2048);
        byte[] stored = master.encryptKeyset(key.keyset(), ad);
        PublicKeySign tink = master.decryptKeyset(stored, ad).getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        var spec = master.decryptRsaKey(stored, ad).orElseThrow();
        PublicKeySign read = NativeRsaSigner.of(spec).orElse(null);
        if (read != null) {
            byte[] data = "(request-target): get /actor\nhost: a.example".getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(tink.sign(data), read.sign(data));
        }
        assertTrue(master.decryptRsaKey(master.encryptKeyset(KeyGenerator.generate(KeyAlgorithm.ED25519).keyset(), ad), ad).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(KeyException.class,
                () -> master.decryptRsaKey(stored, "allmende:actor-key:8#main-key".getBytes(StandardCharsets.UTF_8)));
        byte[] altered = stored.clone();
        altered[altered.length / 2] ^= 1;
        org.junit.jupiter.api.Assertions.assertThrows(KeyException.class, () -> master.decryptRsaKey(altered, ad));
    }

    @Test
    @DisplayName("declines keys that are not RSA")
    void declinesEd25519() {
        assertTrue(NativeRsaSigner.of(KeyGenerator.generate(KeyAlgorithm.ED25519).keyset()).isEmpty());
    }
}
