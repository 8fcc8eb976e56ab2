package de.allmende.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import de.allmende.Node;
import de.allmende.domain.LocalActor;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.GoldenJson;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Actor keys at rest")
class KeyStorageTest {

    @Test
    void privateKeysAreNeverStoredInClear() throws Exception {
        try (TestNode node = TestNode.start()) {
            LocalActor a = node.create(Fixtures.musterstadt());
            List<byte[]> stored = new ArrayList<>();
            try (Connection c = node.node().services().db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT encrypted_keyset, public_key FROM actor_key WHERE actor_id = " + a.id())) {
                while (rs.next()) stored.add(rs.getBytes(1));
            }
            assertEquals(2, stored.size(), "one RSA and one Ed25519 key");
            for (byte[] row : stored) {
                // The stored bytes are not a cleartext Tink keyset…
                assertThrows(Exception.class, () -> TinkProtoKeysetFormat.parseKeyset(row, InsecureSecretKeyAccess.get()));
                String text = new String(row, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("PRIVATE KEY"));
            }
            // …and the private key material itself appears nowhere in the row.
            var key = node.node().services().keys.activeKey(a.id(), KeyPurpose.ASSERTION);
            KeysetHandle clear = MasterKey.load(node.dataDir().resolve("master-key.json"))
                    .decryptKeyset(key.encryptedKeyset(), ("allmende:actor-key:" + a.id() + "#ed25519-key").getBytes());
            byte[] serialized = TinkProtoKeysetFormat.serializeKeyset(clear, InsecureSecretKeyAccess.get());
            byte[] seed = ((com.google.crypto.tink.signature.Ed25519PrivateKey) clear.getPrimary().getKey())
                    .getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
            assertFalse(contains(key.encryptedKeyset(), seed), "Ed25519 seed must not appear in the stored row");
            assertTrue(contains(serialized, seed), "sanity: the seed is in the cleartext keyset");
        }
    }

    @Test
    void masterKeyFileIsCreatedOwnerReadableOnly() throws Exception {
        try (TestNode node = TestNode.start()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(node.dataDir().resolve("master-key.json"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
        }
    }

    @Test
    void aWrongMasterKeyIsAClearFailureNotARegeneration() throws Exception {
        TestNode node = TestNode.start();
        node.create(Fixtures.musterstadt());
        node.close();
        var masterKey = node.dataDir().resolve("master-key.json");
        String original = Files.readString(masterKey);
        Files.delete(masterKey);
        MasterKey.create(masterKey); // someone else's key
        var config = TestNode.config("http://127.0.0.1:1", 0, node.dataDir(), node.database(), Map.of());
        KeyException wrong = assertThrows(KeyException.class, () -> Node.start(config));
        assertTrue(wrong.getMessage().contains("is not the key this database's private keys were encrypted with"), wrong.getMessage());

        Files.delete(masterKey);
        KeyException missing = assertThrows(KeyException.class, () -> Node.start(config));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(masterKey), "a missing master key is never silently regenerated");

        Files.writeString(masterKey, original);
        try (Node restarted = Node.start(config)) {
            assertTrue(restarted.services().actors.findMunicipality("musterstadt").isPresent());
        }
    }

    @Test
    void rotationReplacesKeysAndKeepsTheOldOnesResolvableDuringGrace() throws Exception {
        try (TestNode node = TestNode.start()) {
            node.create(Fixtures.musterstadt());
            JsonNode before = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());
            node.node().services().actors.rotateKeys("musterstadt");
            JsonNode after = GoldenJson.JSON.readTree(node.get("/actors/musterstadt", "application/activity+json").body());

            assertNotEquals(before.at("/publicKey/publicKeyPem"), after.at("/publicKey/publicKeyPem"));
            assertEquals(node.publicUrl() + "/actors/musterstadt#main-key-2", after.at("/publicKey/id").asText());
            List<String> assertionIds = new ArrayList<>();
            after.get("assertionMethod").forEach(k -> assertionIds.add(k.get("id").asText()));
            String actor = node.publicUrl() + "/actors/musterstadt";
            assertTrue(assertionIds.containsAll(List.of(actor + "#main-key", actor + "#ed25519-key", actor + "#ed25519-key-2")), assertionIds.toString());
            // The retired RSA key is published as a Multikey with the same key material as before.
            String oldPemBody = before.at("/publicKey/publicKeyPem").asText();
            assertTrue(oldPemBody.startsWith("-----BEGIN PUBLIC KEY-----"));
        }
    }

    @Test
    void rotationWithZeroGraceRetiresOldKeysAtOnce() throws Exception {
        int port = TestNode.freePort();
        try (TestNode node = TestNode.start("http://127.0.0.1:" + port, port, Map.of("ALLMENDE_KEY_GRACE_DAYS", "0"))) {
            node.create(Fixtures.beispieldorf());
            node.node().services().actors.rotateKeys("beispieldorf");
            JsonNode after = GoldenJson.JSON.readTree(node.get("/actors/beispieldorf", "application/activity+json").body());
            assertEquals(1, after.get("assertionMethod").size());
            assertTrue(after.at("/assertionMethod/0/id").asText().endsWith("#ed25519-key-2"));
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
