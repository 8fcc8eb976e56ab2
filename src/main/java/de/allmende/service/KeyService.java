package de.allmende.service;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import de.allmende.crypto.GeneratedKey;
import de.allmende.crypto.KeyAlgorithm;
import de.allmende.crypto.KeyException;
import de.allmende.crypto.KeyGenerator;
import de.allmende.crypto.KeyPurpose;
import de.allmende.crypto.MasterKey;
import de.allmende.crypto.NativeRsaSigner;
import de.allmende.db.Database;
import de.allmende.store.KeyStore;
import de.allmende.store.StoredKey;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Actor key life cycle: generation, encryption at rest under the master key, rotation with a grace
 * period, and access to signing primitives. Private keys leave this class only as Tink primitives.
 */
public final class KeyService {
    private static final byte[] CHECK_AD = "allmende:master-key-check".getBytes(StandardCharsets.UTF_8);

    private final Database db;
    private final KeyStore keys;
    private final MasterKey master;
    private final Duration gracePeriod;
    private final Clock clock;

    private KeyService(Database db, KeyStore keys, MasterKey master, Duration gracePeriod, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.master = master;
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /**
     * Opens the master key for this database. A database that already holds keys needs exactly the
     * master key they were encrypted with: a missing or different key is an error, never a reason
     * to make a new one (that would silently orphan every actor's identity).
     */
    public static KeyService open(Database db, KeyStore keys, Path masterKeyFile, Duration gracePeriod, Clock clock) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var check = keys.findMasterKeyCheck(tx);
            MasterKey master;
            if (check.isPresent()) {
                if (!Files.exists(masterKeyFile)) {
                    throw new KeyException("master key file " + masterKeyFile + " does not exist, but the database holds keys"
                            + " encrypted under a master key; restore that file (keys are never regenerated silently)");
                }
                master = MasterKey.load(masterKeyFile);
                try {
                    master.decrypt(check.get(), CHECK_AD);
                } catch (KeyException e) {
                    throw new KeyException("master key file " + masterKeyFile
                            + " is not the key this database's private keys were encrypted with");
                }
            } else {
                if (keys.countKeys(tx) > 0) {
                    throw new KeyException("the database holds private keys but no master key check value; refusing to continue");
                }
                master = Files.exists(masterKeyFile) ? MasterKey.load(masterKeyFile) : MasterKey.create(masterKeyFile);
                byte[] nonce = new byte[32];
                new SecureRandom().nextBytes(nonce);
                keys.insertMasterKeyCheck(tx, master.encrypt(nonce, CHECK_AD));
            }
            return new KeyService(db, keys, master, gracePeriod, clock);
        });
    }

    /** Generates the first RSA and Ed25519 keys of a new actor inside the caller's transaction. */
    public void createKeys(DSLContext tx, long actorId) {
        for (KeyPurpose purpose : KeyPurpose.values()) addKey(tx, actorId, purpose, 1);
    }

    /**
     * Replaces an actor's keys. The old public keys stay published until the grace period ends, so
     * signatures and proofs made shortly before the rotation still verify.
     */
    public void rotate(DSLContext tx, long actorId) {
        Instant now = clock.instant();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            int next = keys.countGenerations(tx, actorId, purpose) + 1;
            keys.retireActive(tx, actorId, purpose, now, now.plus(gracePeriod));
            addKey(tx, actorId, purpose, next);
        }
    }

    public List<StoredKey> publishedKeys(long actorId) {
        return keys.findPublished(db.dsl(), actorId, clock.instant());
    }

    public StoredKey activeKey(long actorId, KeyPurpose purpose) {
        return keys.findActive(db.dsl(), actorId, purpose)
                .orElseThrow(() -> new KeyException("actor " + actorId + " has no active " + purpose.dbName() + " key"));
    }

    /** A signer for the actor's active key of this purpose (RSA PKCS#1 v1.5 SHA-256, or raw Ed25519). */
    public PublicKeySign signer(StoredKey key) {
        byte[] ad = associatedData(key.actorId(), key.fragment());
        if (key.algorithm() == KeyAlgorithm.RSA_2048 && NativeRsaSigner.available()) {
            // Read without Tink's primality checks of the primes (see MasterKey#decryptRsaKey): the same signer, cheaper.
            Optional<PublicKeySign> fast = master.decryptRsaKey(key.encryptedKeyset(), ad).flatMap(NativeRsaSigner::of);
            if (fast.isPresent()) return fast.get();
        }
        KeysetHandle h = master.decryptKeyset(key.encryptedKeyset(), ad);
        try {
            return NativeRsaSigner.of(h).orElse(h.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class));
        } catch (GeneralSecurityException e) {
            throw new KeyException("stored keyset cannot sign");
        }
    }

    /**
     * Encrypts a secret the node must keep readable (the VAPID key, the access tokens push messages carry) under the
     * master key, bound to {@code context} (what it is and whose), so a sealed value cannot be moved to another row.
     */
    public byte[] seal(byte[] secret, String context) {
        return master.encrypt(secret, context.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws KeyException if {@code sealed} was not sealed under this master key for {@code context} */
    public byte[] unseal(byte[] sealed, String context) {
        return master.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
    }

    private void addKey(DSLContext tx, long actorId, KeyPurpose purpose, int generation) {
        GeneratedKey k = KeyGenerator.generate(purpose.algorithm());
        String fragment = purpose.fragment(generation);
        keys.insert(tx, actorId, purpose, fragment, k.publicKey(), master.encryptKeyset(k.keyset(), associatedData(actorId, fragment)));
    }

    /** Binds each encrypted keyset to its row identity, so rows cannot be swapped between actors. */
    private static byte[] associatedData(long actorId, String fragment) {
        return ("allmende:actor-key:" + actorId + "#" + fragment).getBytes(StandardCharsets.UTF_8);
    }
}
